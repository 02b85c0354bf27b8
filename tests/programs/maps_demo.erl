%% Maps end to end: construction, update, patterns (heads, case, receive),
%% guard BIFs, errors, the maps module, ~p/~w printing, term order, maps
%% sent between processes and kept across GC, and a 40-key map (a HAMT in
%% the runtime). Named maps_demo: a module named maps would replace the
%% library module.
-module(maps_demo).
-export([main/0]).

t(F) ->
    try F() of
        V -> {ok, V}
    catch
        C:R -> {C, R}
    end.

area(#{shape := circle, r := R}) -> 3 * R * R;
area(#{shape := rect, w := W, h := H}) -> W * H;
area(#{}) -> unknown;
area(_) -> not_a_map.

kind(M) when map_size(M) =:= 0 -> empty;
kind(M) when is_map_key(big, M), map_get(big, M) > 10 -> big;
kind(M) when is_map(M) -> small;
kind(_) -> other.

lookup(K, M) ->
    case M of
        #{K := V} -> {found, V};
        #{} -> missing
    end.

main() ->
    Empty = #{},
    M = #{b => 2, a => 1, 1 => int, 1.0 => float, "s" => str, {t} => tuple},
    io:format("~p~n~w~n", [M, M]),
    io:format("~p ~p ~p~n", [map_size(M), is_map(M), is_map(Empty)]),
    M2 = M#{c => 3, a := 10},
    io:format("~p~n", [M2]),
    #{a := A, c := C} = M2,
    io:format("~p ~p~n", [A, C]),
    io:format("~p ~p~n", [lookup(b, M), lookup(zz, M)]),
    io:format("~p ~p~n", [lookup(1, M), lookup(1.0, M)]),
    io:format("~p~n", [[area(#{shape => circle, r => 2}), area(#{shape => rect, w => 3, h => 4}),
                        area(#{shape => hex}), area(42)]]),
    io:format("~p~n", [[kind(#{}), kind(#{big => 11}), kind(#{big => 1}), kind(x)]]),
    %% Errors.
    io:format("~p~n", [t(fun() -> M#{zz := 1} end)]),
    io:format("~p~n", [t(fun() -> (list_to_atom("q"))#{zz => 1} end)]),
    io:format("~p~n", [t(fun() -> #{zz := _} = M end)]),
    io:format("~p~n", [t(fun() -> map_get(zz, M) end)]),
    Errs = [fun() -> map_size(x) end, fun() -> maps:get(nope, M) end,
            fun() -> maps:get(b, x) end, fun() -> maps:find(a, x) end,
            fun() -> maps:put(a, 1, x) end, fun() -> maps:update(nope, 1, M) end,
            fun() -> maps:remove(a, x) end, fun() -> maps:keys(x) end,
            fun() -> maps:from_list(x) end, fun() -> maps:from_list([a]) end,
            fun() -> maps:merge(x, M) end, fun() -> maps:merge(M, x) end,
            fun() -> maps:fold(fun(_, _, Acc) -> Acc end, 0, x) end,
            fun() -> maps:fold(x, 0, M) end, fun() -> maps:map(x, M) end,
            fun() -> maps:with(x, M) end, fun() -> maps:without([a], x) end,
            fun() -> maps:take(a, x) end,
            fun() -> maps:update_with(nope, fun(X) -> X end, M) end,
            fun() -> maps:iterator(x) end, fun() -> maps:next(x) end,
            fun() -> maps:is_key(a, x) end],
    [io:format("~p~n", [t(F)]) || F <- Errs],
    %% The maps module.
    io:format("~p~n", [[maps:get(a, M), maps:get(nope, M, default), maps:find(b, M),
                        maps:find(nope, M), maps:is_key(a, M), maps:size(M)]]),
    io:format("~p~n~p~n~p~n", [maps:keys(M), maps:values(M), maps:to_list(M)]),
    io:format("~p~n", [maps:from_list([{x, 1}, {y, 2}, {x, 3}])]),
    io:format("~p~n", [maps:put(d, 4, maps:new())]),
    io:format("~p~n", [maps:remove(a, M)]),
    io:format("~p~n", [maps:remove(nope, Empty)]),
    io:format("~p~n", [maps:update(a, updated, M)]),
    io:format("~p~n", [maps:merge(#{a => 1, b => 2}, #{b => 20, c => 30})]),
    io:format("~p~n", [maps:fold(fun(K, V, Acc) -> [{K, V} | Acc] end, [], #{x => 1, y => 2})]),
    io:format("~p~n", [maps:map(fun(_K, V) -> V * 2 end, #{x => 1, y => 2})]),
    io:format("~p~n", [maps:filter(fun(_K, V) -> V > 1 end, #{x => 1, y => 2, z => 3})]),
    io:format("~p~n", [maps:filtermap(fun(_K, V) when V > 2 -> false;
                                         (_K, V) when V > 1 -> {true, V * 10};
                                         (_, _) -> true end, #{x => 1, y => 2, z => 3})]),
    ok = maps:foreach(fun(K, V) -> io:format("~p=~p ", [K, V]) end, #{one => 1, two => 2}),
    io:format("~n"),
    io:format("~p~n", [maps:with([a, b, nope], M)]),
    io:format("~p~n", [maps:without([a, b, nope], M)]),
    io:format("~p ~p~n", [maps:take(a, #{a => 1, b => 2}), maps:take(nope, #{a => 1})]),
    io:format("~p~n", [maps:update_with(a, fun(X) -> X + 1 end, #{a => 1})]),
    io:format("~p~n", [maps:update_with(n, fun(X) -> X + 1 end, 0, #{a => 1})]),
    io:format("~p~n", [maps:from_keys([a, b, c], 0)]),
    io:format("~p~n", [maps:groups_from_list(fun(X) -> X rem 3 end, lists:seq(1, 10))]),
    It = maps:iterator(#{a => 1, b => 2}),
    io:format("~p~n", [It]),
    {K1, V1, It2} = maps:next(It),
    {K2, V2, It3} = maps:next(It2),
    io:format("~p ~p ~p ~p ~p~n", [K1, V1, K2, V2, maps:next(It3)]),
    %% Nested maps printed with ~p (line breaks) and ~w.
    Nested = #{config => #{name => "server", port => 8080, opts => [verbose, {retries, 3}]},
               users => [#{name => "alice", roles => [admin, dev]},
                         #{name => "bob", roles => [dev]}],
               stats => #{requests => 123456, errors => 7, latency_ms => #{p50 => 12, p99 => 250}}},
    io:format("~p~n~w~n", [Nested, Nested]),
    io:format("~p~n", [#{#{k => v} => map_key, [1, 2] => list_key, true => bool}]),
    %% Term order and equality.
    io:format("~p~n", [lists:sort([#{b => 1}, #{a => 2}, #{a => 1, b => 1}, #{}, {x}, [y], #{a => 1}])]),
    io:format("~p ~p ~p ~p~n", [#{1 => a} == #{1.0 => a}, #{a => 1} == #{a => 1.0},
                                #{a => 1} =:= #{a => 1.0}, #{a => 1} < #{a => 2}]),
    io:format("~p ~p~n", [#{a => 1} > {a, 1}, #{a => 1} < [a]]),
    %% Maps cross processes (copied) and survive garbage collection.
    Self = self(),
    Pid = spawn(fun() ->
                        receive
                            #{from := From, payload := P} -> From ! #{reply => P#{seen => true}}
                        end
                end),
    Pid ! #{from => Self, payload => M2},
    receive
        #{reply := R} -> io:format("~p~n", [R])
    end,
    erlang:garbage_collect(),
    io:format("~p~n", [M2]),
    %% A 40-key map: size, lookups, sums (iteration order is not printed:
    %% see spec/runtime.md, Maps).
    Big = maps:from_list([{I, I * I} || I <- lists:seq(1, 40)]),
    io:format("~p ~p ~p ~p~n", [map_size(Big), maps:get(17, Big), maps:get(40, Big),
                                maps:find(41, Big)]),
    io:format("~p~n", [maps:fold(fun(_, V, S) -> S + V end, 0, Big)]),
    io:format("~p~n", [lists:sort(maps:keys(Big)) =:= lists:seq(1, 40)]),
    Big2 = maps:remove(1, Big#{41 => 0, 17 := x}),
    io:format("~p ~p ~p ~p~n", [map_size(Big2), maps:get(17, Big2), maps:is_key(1, Big2),
                                Big2 =:= maps:remove(1, Big#{41 => 0, 17 := x})]),
    Small = maps:without(lists:seq(9, 40), Big),
    io:format("~p~n", [Small]),
    io:format("~p~n", [lists:sum([V || {_, V} <- maps:to_list(Big)])]),
    Huge = lists:foldl(fun(I, Acc) -> Acc#{I => I} end, #{}, lists:seq(1, 20000)),
    erlang:garbage_collect(),
    io:format("~p ~p~n", [map_size(Huge), maps:fold(fun(K, V, S) -> S + K + V end, 0, Huge)]),
    ok.
