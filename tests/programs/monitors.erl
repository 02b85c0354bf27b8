-module(monitors).
-export([main/0]).

%% Monitors, registered names, the process dictionary and timers.

main() ->
    {_, R} = spawn_monitor(fun run/0),
    receive {'DOWN', R, process, _, Why} -> io:format("run ended: ~p~n", [Why]) end.

wait_forever() ->
    receive stop_never -> ok end.

stopper() ->
    receive stop -> ok end.

named() ->
    register(named_proc, self()),
    stopper().

down(Ref) ->
    receive {'DOWN', Ref, process, _, R} -> R after 500 -> timeout end.

count_downs(Ref, N) ->
    receive {'DOWN', Ref, _, _, _} -> count_downs(Ref, N + 1) after 50 -> N end.

run() ->
    Dead = spawn(fun() -> ok end),
    timer:sleep(20),
    R1 = monitor(process, Dead),
    io:format("monitor a dead process: ~p~n", [down(R1)]),
    R2 = monitor(process, no_such_name),
    receive {'DOWN', R2, process, Obj, Why2} -> io:format("monitor a free name: ~p ~p~n", [Obj, Why2]) end,
    P = spawn(fun stopper/0),
    R3 = monitor(process, P),
    R3b = monitor(process, P),
    P ! stop,
    io:format("two monitors: ~p ~p~n", [down(R3), down(R3b)]),
    io:format("exactly once: ~p~n", [count_downs(R3, 0)]),
    Q = spawn(fun stopper/0),
    R4 = monitor(process, Q),
    io:format("demonitor: ~p~n", [demonitor(R4)]),
    Q ! stop,
    io:format("no DOWN after demonitor: ~p~n", [count_downs(R4, 0)]),
    io:format("demonitor info twice: ~p~n", [demonitor(R4, [info])]),
    W = spawn(fun stopper/0),
    R5 = monitor(process, W),
    W ! stop,
    timer:sleep(20),
    io:format("demonitor flush info after death: ~p~n", [demonitor(R5, [flush, info])]),
    io:format("flushed: ~p~n", [count_downs(R5, 0)]),
    io:format("demonitor unknown: ~p ~p~n", [demonitor(make_ref()), demonitor(make_ref(), [info])]),
    io:format("monitor badarg: ~p~n", [element(1, element(2, catch monitor(process, 42)))]),
    io:format("demonitor badarg: ~p~n", [element(1, element(2, catch demonitor(foo)))]),
    {S, SR} = spawn_monitor(fun() -> exit({shutdown, x}) end),
    receive {'DOWN', SR, process, S, Rs} -> io:format("spawn_monitor/1: ~p~n", [Rs]) end,
    {_, SR3} = spawn_monitor(erlang, exit, [bang]),
    io:format("spawn_monitor/3: ~p~n", [down(SR3)]),
    {_, OR} = spawn_opt(fun() -> exit(opt) end, [monitor]),
    io:format("spawn_opt monitor: ~p~n", [down(OR)]),
    {_, OR2} = spawn_opt(fun() -> exit(opt2) end, [monitor, {priority, high}, {max_heap_size, 100000}]),
    io:format("spawn_opt monitor options: ~p~n", [down(OR2)]),
    io:format("spawn_opt badarg: ~p~n", [element(1, element(2, catch spawn_opt(fun() -> ok end, [bogus])))]),
    %% Registered names.
    io:format("register: ~p~n", [register(monitors_main, self())]),
    io:format("register taken: ~p~n", [element(1, element(2, catch register(monitors_main, spawn(fun() -> ok end))))]),
    io:format("register twice: ~p~n", [element(1, element(2, catch register(other_name, self())))]),
    io:format("register undefined: ~p~n", [element(1, element(2, catch register(undefined, spawn(fun() -> ok end))))]),
    io:format("register dead: ~p~n", [element(1, element(2, catch register(dead_name, Dead)))]),
    io:format("whereis: ~p ~p~n", [whereis(monitors_main) =:= self(), whereis(nobody)]),
    io:format("registered: ~p~n", [lists:member(monitors_main, registered())]),
    io:format("send to a free name: ~p~n", [element(1, element(2, catch nobody ! hi))]),
    monitors_main ! to_myself,
    receive to_myself -> io:format("sent by name~n") end,
    io:format("unregister: ~p ~p~n", [unregister(monitors_main), element(1, element(2, catch unregister(monitors_main)))]),
    N = spawn(fun named/0),
    timer:sleep(20),
    RN = monitor(process, named_proc),
    io:format("whereis named_proc: ~p~n", [whereis(named_proc) =:= N]),
    named_proc ! stop,
    receive {'DOWN', RN, process, NObj, NWhy} -> io:format("monitor by name: ~p ~p~n", [NObj, NWhy]) end,
    io:format("name released: ~p~n", [whereis(named_proc)]),
    %% Process dictionary.
    io:format("put: ~p ~p ~p~n", [put(k1, v1), put(k2, v2), put(k1, v3)]),
    put(k3, v3),
    io:format("get: ~p ~p~n", [get(k1), get(nokey)]),
    io:format("get_keys: ~p ~p~n", [lists:sort(get_keys()), lists:sort(get_keys(v3))]),
    io:format("get/0: ~p~n", [lists:sort(get())]),
    io:format("erase: ~p ~p~n", [erase(k1), erase(k1)]),
    io:format("erase/0: ~p ~p~n", [lists:sort(erase()), get()]),
    %% Timers.
    T1 = erlang:send_after(30, self(), timer1),
    receive timer1 -> io:format("send_after: ~p~n", [is_reference(T1)]) end,
    T2 = erlang:start_timer(10, self(), timer2),
    receive {timeout, T2, timer2} -> io:format("start_timer~n") end,
    T3 = erlang:send_after(1000, self(), never),
    Left = erlang:cancel_timer(T3),
    io:format("cancel_timer: ~p ~p ~p~n", [Left > 900, erlang:cancel_timer(T3), erlang:read_timer(T3)]),
    T4 = erlang:send_after(1000, self(), never),
    io:format("read_timer: ~p~n", [erlang:read_timer(T4) > 900]),
    erlang:cancel_timer(T4),
    register(monitors_main, self()),
    erlang:send_after(5, monitors_main, by_name),
    receive by_name -> io:format("send_after to a name~n") end,
    {ok, _} = timer:send_after(5, hello),
    receive hello -> io:format("timer:send_after~n") end,
    receive never -> io:format("a cancelled timer fired~n") after 50 -> ok end,
    W2 = spawn(fun wait_forever/0),
    exit(W2, kill),
    io:format("done~n").
