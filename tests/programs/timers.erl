-module(timers).
-export([main/0]).

%% Timers: ordering of send_after, start_timer, cancel/read, timer:tc,
%% a timer to a process that died meanwhile.

collect(0) -> [];
collect(N) -> receive {tick, X} -> [X | collect(N - 1)] end.

main() ->
    erlang:send_after(30, self(), {tick, 30}),
    erlang:send_after(10, self(), {tick, 10}),
    erlang:send_after(20, self(), {tick, 20}),
    erlang:send_after(0, self(), {tick, 0}),
    io:format("in order: ~p~n", [collect(4)]),
    Ref = erlang:start_timer(15, self(), payload),
    receive {timeout, Ref, What} -> io:format("start_timer: ~p~n", [What]) end,
    T = erlang:send_after(500, self(), {tick, never}),
    Left = erlang:read_timer(T),
    io:format("read_timer: ~p~n", [Left > 400 andalso Left =< 500]),
    Left2 = erlang:cancel_timer(T),
    io:format("cancel_timer: ~p, again: ~p~n", [Left2 > 400 andalso Left2 =< 500, erlang:cancel_timer(T)]),
    io:format("cancel fired: ~p~n", [erlang:cancel_timer(Ref)]),
    Dead = spawn(fun() -> ok end),
    erlang:send_after(5, Dead, hello),
    erlang:send_after(5, no_such_name, hello),
    timer:sleep(20),
    io:format("timers to the dead and to free names are dropped~n"),
    {Us, V} = timer:tc(fun() -> timer:sleep(30), done end),
    io:format("tc/1: ~p ~p~n", [Us >= 30000, V]),
    io:format("tc/2: ~p~n", [element(2, timer:tc(fun lists:reverse/1, [[1, 2, 3]]))]),
    io:format("tc/3: ~p~n", [element(2, timer:tc(lists, reverse, [[a, b]]))]),
    {ok, _} = timer:send_after(5, {tick, via_timer}),
    io:format("timer:send_after/2: ~p~n", [collect(1)]),
    {ok, _} = timer:send_after(5, self(), {tick, via_timer3}),
    io:format("timer:send_after/3: ~p~n", [collect(1)]),
    receive Any -> io:format("unexpected ~p~n", [Any]) after 600 -> io:format("nothing else~n") end.
