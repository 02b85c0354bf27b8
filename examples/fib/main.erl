%% Naive doubly recursive Fibonacci: the sequential-speed workload.
-module(fib).
-export([main/0]).

fib(N) when N < 2 -> N;
fib(N) -> fib(N - 1) + fib(N - 2).

main() ->
    lists:foreach(fun(N) -> io:format("fib(~b) = ~b~n", [N, fib(N)]) end,
                  [0, 1, 2, 10, 20, 25]),
    %% Big integers come for free: fib(300) by iteration.
    io:format("fib(300) = ~b~n", [fast_fib(300, 0, 1)]).

fast_fib(0, A, _) -> A;
fast_fib(N, A, B) -> fast_fib(N - 1, B, A + B).
