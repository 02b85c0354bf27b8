-module(links).
-export([main/0]).

%% Links, exit signals and trap_exit. The checks run in a fresh process
%% that does not trap exits (erl's -eval process does trap them).

main() ->
    {_, R} = spawn_monitor(fun run/0),
    receive {'DOWN', R, process, _, Why} -> io:format("run ended: ~p~n", [Why]) end.

flush() ->
    receive {Tag, _, R} -> io:format("  msg ~p ~p~n", [Tag, R]), flush() after 0 -> ok end.

wait_forever() ->
    receive stop_never -> ok end.

trapper() ->
    process_flag(trap_exit, true),
    wait_forever().

kill_by_link() ->
    spawn_link(fun() -> exit(kill) end),
    receive after 200 -> io:format("survived a kill by link~n") end.

crash_linked() ->
    spawn_link(fun() -> exit(boom) end),
    receive after 200 -> io:format("survived~n") end.

normal_linked() ->
    spawn_link(fun() -> ok end),
    receive after 50 -> io:format("a normal exit of a linked process is harmless~n") end.

reason(Pid) ->
    receive {'EXIT', Pid, R} -> R after 500 -> timeout end.

run() ->
    Dead = spawn(fun() -> ok end),
    timer:sleep(20),
    {'EXIT', {Noproc, _}} = (catch link(Dead)),
    io:format("link to a dead process: ~p~n", [Noproc]),
    io:format("link badarg: ~p~n", [element(1, element(2, catch link(foo)))]),
    io:format("link self: ~p~n", [link(self())]),
    {N, NR} = spawn_monitor(fun normal_linked/0),
    receive {'DOWN', NR, process, N, Rn} -> io:format("normal_linked: ~p~n", [Rn]) end,
    {C, CR} = spawn_monitor(fun crash_linked/0),
    receive {'DOWN', CR, process, C, Rc} -> io:format("crash_linked: ~p~n", [Rc]) end,
    {K, KR} = spawn_monitor(fun kill_by_link/0),
    receive {'DOWN', KR, process, K, Rk} -> io:format("kill_by_link: ~p~n", [Rk]) end,
    E = spawn(fun wait_forever/0),
    exit(E, normal),
    timer:sleep(20),
    io:format("exit(E, normal): alive ~p~n", [is_process_alive(E)]),
    exit(E, foo),
    timer:sleep(20),
    io:format("exit(E, foo): alive ~p~n", [is_process_alive(E)]),
    io:format("exit to a dead process: ~p~n", [exit(E, foo)]),
    T = spawn(fun trapper/0),
    timer:sleep(20),
    exit(T, kill),
    timer:sleep(20),
    io:format("a trapping process killed: alive ~p~n", [is_process_alive(T)]),
    process_flag(trap_exit, true),
    io:format("link to a dead process, trapping: ~p~n", [link(Dead)]),
    flush(),
    A = spawn_link(fun() -> exit(kill) end),
    io:format("exit(kill) seen through the link as ~p~n", [reason(A)]),
    B = spawn(fun wait_forever/0),
    link(B),
    exit(B, kill),
    io:format("exit(B, kill) seen as ~p~n", [reason(B)]),
    B2 = spawn_link(fun() -> exit({shutdown, x}) end),
    io:format("shutdown seen as ~p~n", [reason(B2)]),
    B3 = spawn_link(fun() -> ok end),
    io:format("normal seen as ~p~n", [reason(B3)]),
    B4 = spawn_link(fun() -> 1 = list_to_integer("2") end),
    {badmatch, 2} = element(1, reason(B4)),
    io:format("error seen as badmatch~n"),
    B5 = spawn_link(links, flush, []),
    io:format("spawn_link/3 normal: ~p~n", [reason(B5)]),
    exit(self(), normal),
    io:format("exit(self(), normal) while trapping: ~p~n", [reason(self())]),
    U = spawn(fun wait_forever/0),
    link(U),
    unlink(U),
    exit(U, kill),
    io:format("after unlink: ~p~n", [reason(U)]),
    io:format("unlink twice: ~p~n", [unlink(U)]),
    io:format("trap_exit was ~p~n", [process_flag(trap_exit, false)]),
    L = spawn(fun wait_forever/0),
    link(L),
    exit(L, die),
    receive after 200 -> io:format("not reached~n") end.
