%% Two processes bat a counter back and forth; the first rounds are traced,
%% then 100,000 silent round trips show the message rate is no problem.
-module(ping_pong).
-export([main/0]).

main() ->
    Pong = spawn(fun pong/0),
    ping(Pong, 3, true),
    ping(Pong, 100000, false),
    Pong ! {stop, self()},
    receive stopped -> io:format("done~n") end.

ping(_Pong, 0, _Trace) -> ok;
ping(Pong, N, Trace) ->
    Pong ! {ping, self(), N},
    receive
        {pong, N} when Trace -> io:format("ping got pong ~b~n", [N]);
        {pong, N} -> ok
    end,
    ping(Pong, N - 1, Trace).

pong() ->
    receive
        {ping, From, N} ->
            From ! {pong, N},
            pong();
        {stop, From} ->
            io:format("pong stopping~n"),
            From ! stopped
    end.
