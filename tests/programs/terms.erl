-module(terms).
-export([main/0]).

%% Term order, arithmetic with negatives, tuples, registered names.

main() ->
    io:format("~p ~p ~p ~p~n", [1 < a, {1} < [1], 1 == 1.0, 1 =:= 1.0]),
    io:format("~p ~p ~p~n", [a < {}, {} < [], [] < [1]]),
    io:format("~p ~p ~p~n", [{1, 2} < {1, 3}, {2} < {1, 1}, "abc" < "abd"]),
    io:format("~p ~p~n", [1 /= 1.0, 1 =/= 1.0]),
    io:format("~p ~p ~p ~p~n", [7 div 2, -7 div 2, 7 div -2, -7 div -2]),
    io:format("~p ~p ~p ~p~n", [7 rem 2, -7 rem 2, 7 rem -2, -7 rem -2]),
    io:format("~p ~p ~p~n", [7 / 2, -6 / 3, 2 * 3.0]),
    io:format("~p ~p~n", [abs(-5), -(-5)]),
    T = {a, b, c},
    io:format("~p ~p ~p~n", [element(2, T), setelement(2, T, x), tuple_size(T)]),
    io:format("~p~n", [erlang:max(3, 7)]),
    Self = self(),
    true = register(main_proc, Self),
    io:format("~p~n", [whereis(main_proc) =:= Self]),
    Pid = spawn(fun() -> receive {ping, From} -> From ! pong end end),
    register(ponger, Pid),
    ponger ! {ping, main_proc},
    receive pong -> io:format("pong via registered names~n") end,
    io:format("~p~n", [whereis(nobody)]),
    ok.
