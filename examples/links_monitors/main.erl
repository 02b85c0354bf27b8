%% Links and monitors: a crash travels along links (and kills the linked
%% process unless it traps exits); a monitor only reports it.
-module(links_monitors).
-export([main/0]).

main() ->
    %% A monitor sees a worker's crash reason without being hurt by it.
    {Pid, Ref} = spawn_monitor(fun() -> exit({bad_input, 42}) end),
    receive {'DOWN', Ref, process, Pid, Why} -> io:format("monitor: ~p~n", [Why]) end,

    %% A monitor on a process that is already gone says noproc.
    Ref2 = monitor(process, Pid),
    receive {'DOWN', Ref2, process, Pid, Why2} -> io:format("late monitor: ~p~n", [Why2]) end,

    %% Trapping exits turns a linked crash into a message.
    process_flag(trap_exit, true),
    Linked = spawn_link(fun() -> exit(boom) end),
    receive {'EXIT', Linked, R} -> io:format("trapped: ~p~n", [R]) end,

    %% A normal exit is a message too when trapping, and harmless otherwise.
    Normal = spawn_link(fun() -> ok end),
    receive {'EXIT', Normal, R2} -> io:format("normal exit: ~p~n", [R2]) end,

    %% A chain: middle is linked to us and to a worker; the worker crashes,
    %% middle (not trapping) dies with the same reason, and we hear of it.
    Self = self(),
    Middle = spawn_link(fun() ->
                                spawn_link(fun() -> receive go -> exit(chain_reaction) end end)
                                    ! go,
                                Self ! never_sent_if_fast,
                                receive after infinity -> ok end
                        end),
    receive {'EXIT', Middle, R3} -> io:format("middle died: ~p~n", [R3]) end,

    %% kill cannot be trapped; the linked process dies with reason killed.
    Victim = spawn_link(fun() -> process_flag(trap_exit, true), receive after infinity -> ok end end),
    exit(Victim, kill),
    receive {'EXIT', Victim, R4} -> io:format("killed: ~p~n", [R4]) end,

    %% Demonitor with flush: no 'DOWN' arrives after it.
    {P5, Ref5} = spawn_monitor(fun() -> receive stop -> ok end end),
    demonitor(Ref5, [flush]),
    P5 ! stop,
    receive {'DOWN', Ref5, _, _, _} -> io:format("unexpected DOWN~n") after 50 -> io:format("demonitored: no DOWN~n") end,
    flush().

flush() ->
    receive
        never_sent_if_fast -> flush();
        Other -> io:format("left over: ~p~n", [Other]), flush()
    after 0 -> ok
    end.
