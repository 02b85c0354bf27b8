%% Output through a group leader: the runtime's io natives call
%% put_chars/2 when the calling process has a group leader (set with
%% group_leader/2, e.g. by EUnit to capture a test's output). It speaks
%% the io protocol: an io request, then the reply.
-module('$eubeam_io').

-export([put_chars/2]).

put_chars(Leader, Chars) ->
    Ref = erlang:monitor(process, Leader),
    Leader ! {io_request, self(), Ref, {put_chars, unicode, Chars}},
    receive
        {io_reply, Ref, Reply} ->
            erlang:demonitor(Ref, [flush]),
            case Reply of
                ok -> ok;
                {error, Reason} -> erlang:error(Reason);
                Other -> Other
            end;
        {'DOWN', Ref, process, _, _} ->
            erlang:error(terminated)
    end.
