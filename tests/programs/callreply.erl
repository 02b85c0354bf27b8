-module(callreply).
-export([main/0]).

%% The article's call/2 verbatim against a server that answers, and the
%% timeout branch tested through call/3, the same code with the timeout as
%% an argument, against a process that never answers.

call(Pid, Request) ->
Ref = make_ref(), %% unique tag for this call
Pid ! {self(), Ref, Request},
receive
{Ref, Reply} -> Reply %% only OUR reply matches this Ref
after 5000 ->
exit(timeout)
end.

call(Pid, Request, Timeout) ->
    Ref = make_ref(),
    Pid ! {self(), Ref, Request},
    receive
        {Ref, Reply} -> Reply
    after Timeout ->
        exit(timeout)
    end.

server() ->
    receive
        {From, Ref, {add, A, B}} ->
            From ! {Ref, A + B},
            server();
        {From, Ref, stop} ->
            From ! {Ref, stopped}
    end.

silent() ->
    receive
        _ -> silent()
    end.

main() ->
    Server = spawn(fun server/0),
    %% A stray message with a different ref must not be taken as the reply.
    self() ! {make_ref(), not_the_reply},
    io:format("~p~n", [call(Server, {add, 2, 3})]),
    io:format("~p~n", [call(Server, {add, 40, 2})]),
    io:format("~p~n", [call(Server, stop)]),
    Silent = spawn(fun silent/0),
    io:format("~p~n", [catch call(Silent, hello, 100)]),
    receive
        {_, Stray} -> io:format("left in mailbox: ~p~n", [Stray])
    after 0 -> io:format("mailbox empty~n")
    end.
