-module(spawn100k).
-export([main/0]).

%% 100,000 processes, each sends one message back; the parent sums them.

main() ->
    Parent = self(),
    N = 100000,
    lists:foreach(fun(I) -> spawn(fun() -> Parent ! {n, I} end) end,
                  lists:seq(1, N)),
    io:format("~p~n", [collect(N, 0)]).

collect(0, Sum) -> Sum;
collect(K, Sum) ->
    receive {n, I} -> collect(K - 1, Sum + I) end.
