-module(priority).
-export([priority_loop/0, call/2]).
%% Drain a priority {high, _} message before any normal {low, _} ones,
%% even if the low-priority messages arrived first.
priority_loop() ->
receive
{high, Msg} ->
handle(high, Msg),
priority_loop()
after 0 ->
%% no high-priority message waiting; fall back to anything.
receive
{_Prio, Msg} ->
handle(normal, Msg),
priority_loop()
end
end.
handle(Prio, Msg) -> io:format("~p: ~p~n", [Prio, Msg]).
call(Pid, Request) ->
Ref = make_ref(), %% unique tag for this call
Pid ! {self(), Ref, Request},
receive
{Ref, Reply} -> Reply %% only OUR reply matches this Ref
after 5000 ->
exit(timeout)
end.
