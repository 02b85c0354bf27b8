%% The Erlang program equivalent to tests/gleam/run/ping_pong.gleam (a
%% subject is a {Tag, Message} message to its owner, selective receive on
%% the tag); its output, run by erl, is ping_pong.expected.
-module(ping_pong).
-export([main/0]).

ponger(Parent) ->
    Tag = make_ref(),
    Parent ! {startup, {self(), Tag}},
    pong_loop(Tag, 0).

pong_loop(Tag, Served) ->
    receive
        {Tag, {ping, Round, {To, ReplyTag}}} -> To ! {ReplyTag, {pong, Round * 10}}, pong_loop(Tag, Served + 1);
        {Tag, done} -> io:format("ponger served ~p~n", [Served])
    end.

ping_rounds(_, _, Round, Last) when Round > Last -> Last;
ping_rounds({Pid, Tag} = To, MeTag, Round, Last) ->
    Pid ! {Tag, {ping, Round, {self(), MeTag}}},
    receive {MeTag, {pong, N}} -> io:format("round ~p -> ~p~n", [Round, N]) after 1000 -> timeout end,
    ping_rounds(To, MeTag, Round + 1, Last).

main() ->
    Me = self(),
    Pid = spawn_link(fun() -> ponger(Me) end),
    {PongPid, PongTag} = receive {startup, S} -> S end,
    Rounds = ping_rounds({PongPid, PongTag}, make_ref(), 1, 5),
    io:format("played ~p rounds~n", [Rounds]),
    Ref = monitor(process, Pid),
    PongPid ! {PongTag, done},
    receive {'DOWN', Ref, process, Pid, _} -> ok end,
    io:format("ponger exited~n"),
    self() ! {words, "hello"}, self() ! {numbers, 42}, self() ! {words, "world"},
    events(4),
    receive {numbers, N} -> io:format("unexpected ~p~n", [N]) after 10 -> io:format("no more numbers~n") end.

events(0) -> ok;
events(N) ->
    receive
        {numbers, I} -> io:format("number ~p~n", [I]);
        {words, W} -> io:format("word ~s~n", [W])
    after 20 -> io:format("timeout~n")
    end,
    events(N - 1).
