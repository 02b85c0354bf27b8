-module(linkchain).
-export([main/0]).

%% Exit signals through a chain of 2000 linked processes, a trapping
%% process at the end; 2000 monitors on one process; a process killed while
%% many others send to it. Checks that no signal or wake-up is lost.

chain(0, Last) -> Last ! ready, receive stop_never -> ok end;
chain(N, Last) ->
    spawn_link(fun() -> chain(N - 1, Last) end),
    receive stop_never -> ok end.

watcher(Target, Parent) ->
    Ref = monitor(process, Target),
    Parent ! watching,
    receive {'DOWN', Ref, process, Target, R} -> Parent ! {down, R} end.

count(_, 0, Acc) -> Acc;
count(Tag, N, Acc) -> receive {Tag, R} -> count(Tag, N - 1, [R | Acc]) end.

wait(Msg, 0) -> Msg;
wait(Msg, N) -> receive Msg -> wait(Msg, N - 1) end.

main() ->
    Before = length(processes()),
    process_flag(trap_exit, true),
    Self = self(),
    Head = spawn_link(fun() -> chain(2000, Self) end),
    receive ready -> ok end,
    exit(Head, crash),
    receive {'EXIT', Head, R} -> io:format("head: ~p~n", [R]) end,
    timer:sleep(100),
    io:format("chain gone: ~p~n", [length(processes()) =< Before]),
    process_flag(trap_exit, false),
    Target = spawn(fun() -> receive stop -> exit(bye) end end),
    [spawn(fun() -> watcher(Target, Self) end) || _ <- lists:seq(1, 2000)],
    wait(watching, 2000),
    Target ! stop,
    Downs = count(down, 2000, []),
    io:format("downs: ~p ~p~n", [length(Downs), lists:usort(Downs)]),
    Sink = spawn(fun() -> receive stop_never -> ok end end),
    SR = monitor(process, Sink),
    [spawn(fun() -> [Sink ! {x, I} || I <- lists:seq(1, 100)] end) || _ <- lists:seq(1, 50)],
    exit(Sink, kill),
    receive {'DOWN', SR, process, Sink, KR} -> io:format("sink: ~p~n", [KR]) end.
