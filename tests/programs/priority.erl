-module(priority).
-export([main/0]).

%% The article's priority_loop/0, verbatim. Low-priority messages are sent
%% first, one high-priority message after them, all before the loop starts:
%% the high one is handled first. A {low, stop} message ends the loop:
%% handle/2 exits normally with the result, which the parent waits for.

main() ->
    Parent = self(),
    Pid = spawn(fun() ->
                        receive go -> ok end,
                        Result = (catch priority_loop()),
                        Parent ! {done, Result}
                end),
    Pid ! {low, 1},
    Pid ! {low, 2},
    Pid ! {low, 3},
    Pid ! {high, urgent},
    Pid ! {low, stop},
    Pid ! go,
    receive
        {done, R} -> io:format("loop ended: ~p~n", [R])
    end.

handle(_Prio, stop) ->
    io:format("handling stop~n"),
    throw(stopped);
handle(Prio, Msg) ->
    io:format("~p: ~p~n", [Prio, Msg]).

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
