-module(maps_ops).
-export([main/0]).
main() ->
    M0 = #{a => 1, b => 2},
    M1 = M0#{c => 3, a := 10},
    io:format("~p ~p~n", [M0, M1]),
    #{a := A, c := C} = M1,
    io:format("~p ~p~n", [A, C]),
    io:format("~p~n", [try M0#{zz := 1} catch error:R -> R end]),
    io:format("~p~n", [try (list_to_atom("x"))#{a := 1} catch error:R2 -> R2 end]),
    io:format("~p~n", [f(#{type => circle, r => 2})]),
    io:format("~p~n", [f(#{type => square, side => 3})]),
    io:format("~p~n", [f(#{})]),
    K = b,
    #{K := V} = M0,
    io:format("~p~n", [V]),
    io:format("~p~n", [case M1 of #{b := 2, c := X} when X > 2 -> {yes, X}; _ -> no end]),
    Nested = #{outer => #{inner => [1, 2]}},
    #{outer := #{inner := [_, Second]}} = Nested,
    io:format("~p~n", [Second]),
    io:format("~p~n", [Nested#{outer := (maps:get(outer, Nested))#{inner := []}}]),
    io:format("~p ~p~n", [map_size(M1), is_map_key(c, M1)]),
    io:format("~p~n", [#{{1, 2} => tuple, [x] => list, <<"b">> => bin, 3 => int, z => atom}]),
    io:format("~p~n", [try #{a := 1} = M0#{a := 2} catch error:R3 -> R3 end]).

f(#{type := circle, r := R}) -> {area, 3 * R * R};
f(#{type := square, side := S}) -> {area, S * S};
f(M) when map_size(M) =:= 0 -> empty.
