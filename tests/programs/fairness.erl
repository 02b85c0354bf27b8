-module(fairness).
-export([main/0]).

%% A process spinning forever must not starve a ticker (run with one
%% scheduler: see fairness.args). Each tick must come within 500 ms of its
%% due time: 100 ms after the tick's receive started waiting. Without
%% preemption a tick never comes at all; the bound is loose because on a
%% loaded 2-core machine the OS alone delays a thread by tens of ms. The
%% 5 ms lateness target is measured by `eubeam bench` (fairness), not here.

loop() -> loop().

main() ->
    %% Format once before the spinner starts, so that no code loading
    %% happens under contention.
    _ = io_lib:format("tick ~p ~p~n", [0, ok]),
    spawn(fun loop/0),
    tick(1).

tick(11) -> ok;
tick(N) ->
    Before = erlang:monotonic_time(millisecond),
    receive after 100 -> ok end,
    Now = erlang:monotonic_time(millisecond),
    Status = case Now - (Before + 100) of
                 Late when Late =< 500 -> ok;
                 _ -> late
             end,
    io:format("tick ~p ~p~n", [N, Status]),
    tick(N + 1).
