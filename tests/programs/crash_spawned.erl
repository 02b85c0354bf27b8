-module(crash_spawned).
-export([main/0]).

%% A crash in a spawned (unlinked) process prints a report but does not
%% stop main: exit status 0. The child waits for `go` until the monitor is
%% set up, so it cannot die first (then the monitor would report noproc).

main() ->
    Pid = spawn(fun() -> receive go -> erlang:error({custom_failure, 42}) end end),
    Ref = monitor(process, Pid),
    Pid ! go,
    receive
        {'DOWN', Ref, process, Pid, Reason} ->
            io:format("child died: ~p~n", [element(1, Reason)])
    end,
    io:format("main goes on~n").
