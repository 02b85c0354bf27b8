%% A ring of 1000 processes: a token travels round it 100 times, each hop
%% adding one, then every process is told to stop.
-module(ring).
-export([main/0]).

-define(SIZE, 1000).
-define(ROUNDS, 100).

main() ->
    First = self(),
    Next = build(?SIZE - 1, First),
    Next ! {token, 0},
    Total = relay(Next, ?ROUNDS),
    io:format("token after ~b rounds of ~b processes: ~b~n", [?ROUNDS, ?SIZE, Total]),
    Next ! stop,
    receive stop -> ok end,
    io:format("ring stopped~n").

%% Each new process forwards to the one spawned before it; the last
%% spawned is the start of the ring, and the first forwards back to us.
build(0, Next) -> Next;
build(N, Next) -> build(N - 1, spawn(fun() -> hop(Next) end)).

hop(Next) ->
    receive
        {token, T} -> Next ! {token, T + 1}, hop(Next);
        stop -> Next ! stop
    end.

relay(_Next, 1) ->
    receive {token, T} -> T + 1 end;
relay(Next, Rounds) ->
    receive {token, T} -> Next ! {token, T + 1} end,
    relay(Next, Rounds - 1).
