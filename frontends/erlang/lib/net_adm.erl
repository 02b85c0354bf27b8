%% net_adm: ping/1 as OTP's (a call to `{net_kernel, Node}` asking
%% `{is_auth, node()}`), names/0,1, localhost/0.
-module(net_adm).
-export([ping/1, names/0, names/1, localhost/0]).

ping(Node) when is_atom(Node) ->
    case net_kernel:connect_node(Node) of
        true ->
            Ref = erlang:monitor(process, {net_kernel, Node}),
            {net_kernel, Node} ! {'$gen_call', {self(), Ref}, {is_auth, node()}},
            receive
                {Ref, yes} ->
                    erlang:demonitor(Ref, [flush]),
                    pong;
                {Ref, _} ->
                    erlang:demonitor(Ref, [flush]),
                    pang;
                {'DOWN', Ref, _, _, _} ->
                    pang
            end;
        _ ->
            pang
    end.

names() -> names(localhost()).

names(Host) -> erlang:'$epmd_names'(Host).

localhost() -> erlang:'$localhost'().
