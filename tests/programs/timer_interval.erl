%% timer:send_interval/2,3, apply_interval/4 and cancel/1: counts of
%% ticks within a window (generous margins), compared with erl.
-module(timer_interval).
-export([main/0, tick/1]).

tick(Pid) -> Pid ! applied.

main() ->
    Self = self(),
    {ok, T1} = timer:send_interval(30, tick),
    {ok, T2} = timer:send_interval(30, Self, tock),
    {ok, T3} = timer:apply_interval(30, ?MODULE, tick, [Self]),
    timer:sleep(175),
    io:format("cancel: ~p ~p ~p~n", [timer:cancel(T1), timer:cancel(T2), timer:cancel(T3)]),
    timer:sleep(20),
    {Ticks, Tocks, Applied} = count(0, 0, 0),
    io:format("ticks in range: ~p ~p ~p~n", [in_range(Ticks), in_range(Tocks), in_range(Applied)]),
    timer:sleep(100),
    io:format("after cancel: ~p~n", [count(0, 0, 0)]),
    %% An interval to another process stops when that process exits.
    Sink = spawn(fun() -> receive stop -> ok end end),
    {ok, _} = timer:send_interval(20, Sink, ping),
    {ok, _} = timer:apply_interval(20, ?MODULE, tick, [Sink]),
    timer:sleep(50),
    Sink ! stop,
    timer:sleep(100),
    io:format("sink alive: ~p~n", [is_process_alive(Sink)]),
    %% apply_interval is tied to its caller.
    Parent = self(),
    Owner = spawn(fun() -> timer:apply_interval(20, ?MODULE, tick, [Parent]), receive stop -> ok end end),
    timer:sleep(70),
    Owner ! stop,
    timer:sleep(30),
    _ = flush(applied),
    timer:sleep(80),
    io:format("applies after owner exit: ~p~n", [flush(applied)]),
    ok.

in_range(N) -> N >= 2 andalso N =< 7.

count(A, B, C) ->
    receive
        tick -> count(A + 1, B, C);
        tock -> count(A, B + 1, C);
        applied -> count(A, B, C + 1)
    after 0 -> {A, B, C}
    end.

flush(M) ->
    receive M -> 1 + flush(M) after 0 -> 0 end.
