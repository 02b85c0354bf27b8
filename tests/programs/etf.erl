-module(etf).
-export([main/0]).

%% term_to_binary / binary_to_term (bytes recorded from erl).

safe(F) ->
    try F() of
        V -> {ok, V}
    catch
        C:R -> {C, R}
    end.

main() ->
    Terms = [0, 255, 256, -1, 1 bsl 40, -(1 bsl 70), 1 bsl 2040, 1.5, -0.0, abc,
             'hello world', [], "abc", [1, 2 | 3], [a, "b", {c}], {}, {1, {2, {3}}},
             fun lists:map/2,
             list_to_binary("bytes"), lists:seq(1, 300)],
    lists:foreach(
        fun(T) ->
            B = term_to_binary(T),
            T2 = binary_to_term(B),
            io:format("~w ~w~n", [B, T2 =:= T])
        end, Terms),
    io:format("~w~n", [term_to_binary({1.5, abc}, [{minor_version, 0}])]),
    io:format("~w~n", [term_to_binary(abc, [{minor_version, 2}])]),
    Big = lists:duplicate(500, $x),
    C = term_to_binary(Big, [compressed]),
    io:format("~w ~w~n", [byte_size(C) < 100, binary_to_term(C) =:= Big]),
    io:format("~w~n", [binary_to_term(list_to_binary([131, 97, 7, 1, 2]), [used])]),
    io:format("~w~n", [safe(fun() -> binary_to_term(list_to_binary([131, 97])) end)]),
    io:format("~w~n", [safe(fun() -> binary_to_term(list_to_binary([131, 97, 1, 0])) end)]),
    io:format("~w~n", [safe(fun() -> binary_to_term(not_a_binary) end)]),
    io:format("~w~n", [safe(fun() -> term_to_binary(x, [bogus]) end)]),
    io:format("~w~n", [binary_to_term(term_to_binary(make_ref())) =/= make_ref()]),
    ok.
