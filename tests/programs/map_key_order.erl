-module(map_key_order).
-export([main/0]).
%% OTP's map key order: every integer before every float, nested too.
main() ->
    M = #{1.0 => a, 1 => b, 2 => c, 0.5 => d, -1 => e, 3.0 => f, -2.5 => g},
    io:format("~p~n~w~n", [M, M]),
    io:format("~p~n~p~n~p~n", [maps:keys(M), maps:values(M), maps:to_list(M)]),
    io:format("~p~n", [maps:fold(fun(K, V, Acc) -> [{K, V} | Acc] end, [], M)]),
    Big = #{100000000000000000000 => a, 1.0 => b, -5.5 => c, -100000000000000000000 => d},
    io:format("~p~n", [Big]),
    io:format("~p~n", [#{{1.0} => a, {2} => b, [3.0] => c, [1] => d, {1} => e}]),
    io:format("~p ~p~n", [#{1 => a} < #{1.0 => a}, lists:sort([#{2 => a}, #{1.0 => a}])]),
    io:format("~p~n", [maps:get(1, M)]),
    io:format("~p~n", [maps:get(1.0, M)]),
    M2 = M#{1 := z, 1.0 := y},
    io:format("~p~n", [M2]),
    io:format("~p~n", [maps:from_list([{2.0, x}, {2, y}, {1.5, z}, {1, w}])]),
    #{1 := B, 1.0 := A} = M,
    io:format("~p ~p~n", [A, B]),
    io:format("~p~n", [1 =:= 1.0]),
    io:format("~p~n", [lists:sort([2.0, 1, 1.0, 2, 0.5])]).
