-module(procinfo).
-export([main/0, waiter/0]).

%% process_info, process flags, system information: only the deterministic
%% parts of the answers are printed.

main() ->
    {_, R} = spawn_monitor(fun run/0),
    receive {'DOWN', R, process, _, Why} -> io:format("run ended: ~p~n", [Why]) end.

waiter() ->
    receive stop -> ok end.

run() ->
    self() ! hello,
    self() ! world,
    io:format("~p~n", [process_info(self(), [message_queue_len, messages, registered_name, trap_exit, status, links, monitors])]),
    io:format("~p~n", [process_info(self(), registered_name)]),
    register(procinfo_run, self()),
    io:format("~p~n", [process_info(self(), registered_name)]),
    io:format("~p~n", [process_info(self(), current_function)]),
    io:format("~p~n", [process_info(self(), initial_call)]),
    put(key, value),
    io:format("~p~n", [process_info(self(), dictionary)]),
    W = spawn(procinfo, waiter, []),
    link(W),
    MR = monitor(process, W),
    timer:sleep(20),
    io:format("links/monitors: ~p~n", [process_info(self(), [links, monitors]) =:= [{links, [W]}, {monitors, [{process, W}]}]]),
    io:format("monitored_by: ~p~n", [process_info(W, [monitored_by, links]) =:= [{monitored_by, [self()]}, {links, [self()]}]]),
    io:format("~p~n", [process_info(W, [status, current_function, initial_call, message_queue_len])]),
    W ! not_stop,
    timer:sleep(10),
    io:format("~p~n", [process_info(W, [message_queue_len, messages])]),
    demonitor(MR),
    unlink(W),
    W ! stop,
    timer:sleep(20),
    io:format("dead: ~p ~p ~p~n", [process_info(W), process_info(W, messages), process_info(W, [links])]),
    io:format("badarg: ~p~n", [element(1, element(2, catch process_info(self(), bogus)))]),
    io:format("badarg pid: ~p~n", [element(1, element(2, catch process_info(foo)))]),
    Sizes = process_info(self(), [heap_size, total_heap_size, stack_size, reductions, memory]),
    io:format("sizes are integers: ~p~n", [[K || {K, V} <- Sizes, is_integer(V), V >= 0]]),
    All = process_info(self()),
    io:format("process_info/1 has: ~p~n", [[K || K <- [current_function, initial_call, status, message_queue_len, links, dictionary, trap_exit, priority, heap_size, stack_size, reductions], lists:keymember(K, 1, All)]]),
    io:format("alive: ~p ~p~n", [is_process_alive(self()), is_process_alive(W)]),
    io:format("trap_exit: ~p ~p~n", [process_flag(trap_exit, true), process_flag(trap_exit, false)]),
    io:format("priority: ~p ~p~n", [process_flag(priority, high), process_flag(priority, normal)]),
    io:format("max_heap_size: ~p~n", [process_info(self(), max_heap_size)]),
    io:format("gc: ~p ~p~n", [garbage_collect(), garbage_collect(self())]),
    io:format("processes: ~p~n", [lists:member(self(), processes())]),
    io:format("system_info: ~p~n", [[is_integer(erlang:system_info(X)) || X <- [schedulers, schedulers_online, process_count, process_limit]]]),
    io:format("statistics: ~p~n", [[is_integer(element(1, erlang:statistics(X))) || X <- [runtime, wall_clock, reductions]]]),
    io:format("memory keys: ~p~n", [lists:sort([K || {K, _} <- erlang:memory()]) -- [atom_used, processes_used]]),
    io:format("memory: ~p ~p~n", [erlang:memory(ets) >= 0, erlang:memory(total) > erlang:memory(processes)]),
    M1 = receive A -> A end,
    M2 = receive B -> B end,
    io:format("flushing ~p~n", [[M1, M2]]).
