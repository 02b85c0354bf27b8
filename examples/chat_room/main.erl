%% A chat room with many clients: one room process relays every line to
%% every other member. Joins and posts are acknowledged, so the story is
%% the same on every run.
-module(chat_room).
-export([main/0]).

-define(CLIENTS, 40).

main() ->
    Room = spawn(fun() -> room(#{}) end),
    Names = [lists:flatten(io_lib:format("client~b", [I])) || I <- lists:seq(1, ?CLIENTS)],
    Clients = [{Name, join(Room, Name)} || Name <- Names],
    [post(Pid, "hello from " ++ Name) || {Name, Pid} <- Clients],
    {_, Last} = lists:last(Clients),
    post(Last, "bye all"),
    [report(Name, Pid) || {Name, Pid} <- Clients,
                          lists:member(Name, ["client1", "client20", "client40"])],
    [leave(Room, Pid) || {_, Pid} <- Clients],
    Room ! {members, self()},
    receive {members, N} -> io:format("members left: ~b~n", [N]) end.

%% The room: members by pid. A line goes to everyone but its sender.
room(Members) ->
    receive
        {join, Pid, Name, From} ->
            broadcast(Members, Pid, Name ++ " joined"),
            From ! {joined, Pid},
            room(Members#{Pid => Name});
        {say, Pid, Text, From} ->
            #{Pid := Name} = Members,
            broadcast(Members, Pid, Name ++ ": " ++ Text),
            From ! {said, Pid},
            room(Members);
        {leave, Pid, From} ->
            From ! {left, Pid},
            room(maps:remove(Pid, Members));
        {members, From} ->
            From ! {members, map_size(Members)},
            room(Members)
    end.

%% Each member's mailbox gets the line before the room goes on, so a
%% member's transcript is in the room's order.
broadcast(Members, Sender, Line) ->
    [Pid ! {line, Line} || Pid <- maps:keys(Members), Pid =/= Sender],
    ok.

join(Room, Name) ->
    Pid = spawn(fun() -> client(Room, []) end),
    Room ! {join, Pid, Name, self()},
    receive {joined, Pid} -> Pid end.

post(Pid, Text) ->
    Pid ! {post, Text, self()},
    receive {posted, Pid} -> ok end.

leave(Room, Pid) ->
    Room ! {leave, Pid, self()},
    receive {left, Pid} -> Pid ! stop end.

report(Name, Pid) ->
    Pid ! {transcript, self()},
    receive
        {transcript, Pid, Lines} ->
            io:format("~s heard ~b lines; first: ~p; last: ~p~n",
                      [Name, length(Lines), hd(Lines), lists:last(Lines)])
    end.

%% A client keeps its transcript, newest first.
client(Room, Heard) ->
    receive
        {line, Line} ->
            client(Room, [Line | Heard]);
        {post, Text, From} ->
            Room ! {say, self(), Text, self()},
            receive {said, _} -> ok end,
            From ! {posted, self()},
            client(Room, Heard);
        {transcript, From} ->
            From ! {transcript, self(), lists:reverse(Heard)},
            client(Room, Heard);
        stop ->
            ok
    end.
