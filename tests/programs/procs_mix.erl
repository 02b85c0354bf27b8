-module(procs_mix).
-export([main/0]).
main() ->
    Self = self(),
    spawn(fun() -> run(Self) end),
    receive done -> ok end.

run(Top) ->
    process_flag(trap_exit, true),
    P = spawn_link(fun() -> receive {ping, From} -> From ! pong end end),
    P ! {ping, self()},
    receive pong -> io:format("pong~n") end,
    receive {'EXIT', P, R1} -> io:format("exit normal: ~p~n", [R1]) end,
    Q = spawn_link(fun() -> exit(custom) end),
    receive {'EXIT', Q, R2} -> io:format("exit: ~p~n", [R2]) end,
    {W, Ref} = spawn_monitor(fun() -> receive stop -> exit(stopped) end end),
    register(worker, W),
    io:format("registered: ~p~n", [whereis(worker) =:= W]),
    worker ! stop,
    receive {'DOWN', Ref, process, W, R3} -> io:format("down: ~p~n", [R3]) end,
    io:format("after death: ~p~n", [whereis(worker)]),
    Ref2 = monitor(process, W),
    receive {'DOWN', Ref2, process, _, R4} -> io:format("dead monitor: ~p~n", [R4]) end,
    erlang:send_after(30, self(), tick),
    T = erlang:start_timer(10, self(), tock),
    receive {timeout, T, tock} -> io:format("timer first~n") end,
    receive tick -> io:format("send_after second~n") end,
    K = spawn(fun() -> receive _ -> ok end end),
    link(K),
    exit(K, kill),
    receive {'EXIT', K, R5} -> io:format("killed: ~p~n", [R5]) end,
    io:format("~p~n", [try register(worker2, list_to_pid("<0.99999.0>")) catch error:E -> E end]),
    io:format("~p~n", [element(1, element(2, catch unregistered_name ! hello))]),
    io:format("~p~n", [is_process_alive(K)]),
    receive after 10 -> ok end,
    Top ! done.
