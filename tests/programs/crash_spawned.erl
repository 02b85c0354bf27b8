-module(crash_spawned).
-export([main/0]).

%% A crash in a spawned (unlinked) process prints a report but does not
%% stop main: exit status 0.

main() ->
    Pid = spawn(fun() -> erlang:error({custom_failure, 42}) end),
    Ref = monitor(process, Pid),
    receive
        {'DOWN', Ref, process, Pid, Reason} ->
            io:format("child died: ~p~n", [element(1, Reason)])
    end,
    io:format("main goes on~n").
