-module(timers_abs).
-export([main/0]).

%% erlang:start_timer/4 and send_after/4 with an absolute deadline
%% ({abs, true}: a monotonic time in milliseconds), and the size
%% erts_debug:flat_size/1 reports for terms a send would copy.

main() ->
    T0 = erlang:monotonic_time(millisecond),
    Ref = erlang:start_timer(T0 + 50, self(), tick, [{abs, true}]),
    receive {timeout, Ref, tick} -> ok end,
    Waited = erlang:monotonic_time(millisecond) - T0,
    io:format("abs timer fired after deadline: ~p~n", [Waited >= 50]),
    erlang:send_after(T0 - 10, self(), late, [{abs, true}]),
    receive late -> io:format("past deadline fires at once~n") end,
    erlang:send_after(20, self(), rel, [{abs, false}]),
    receive rel -> io:format("relative send_after/4~n") end,
    {'EXIT', {Reason, _}} = (catch erlang:start_timer(10, self(), x, [bogus])),
    io:format("bad option: ~p~n", [Reason]),
    io:format("~p~n", [[erts_debug:flat_size(T) || T <- [ok, 42, {a, b}, [1, 2, 3],
                                                       {[x], {y, z}}, "abc",
                                                       lists:seq(1, 1000)]]]).
