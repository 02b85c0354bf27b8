%% Receive timers whose receive got a message first must not disturb later
%% receives: each round's `after 1000` is answered at once by a 'DOWN',
%% leaving its timer to expire during a later loop of short `after 5`
%% waits (a stale timer once overwrote the firing of the current one, and
%% the process slept forever).
-module(stale_timer).
-export([main/0]).

main() ->
    [begin
         P = spawn(fun() -> receive crash -> exit(boom) end end),
         R = monitor(process, P),
         P ! crash,
         receive {'DOWN', R, process, P, _} -> ok after 1000 -> timeout end,
         poll(20)
     end || _ <- [1, 2, 3]],
    poll(300),
    io:format("done~n").

poll(0) -> ok;
poll(N) -> receive after 5 -> ok end, poll(N - 1).
