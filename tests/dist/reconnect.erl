%% Reconnection (cli/tests/dist_erl.rs): the peer node is killed and a new
%% node with the same name is started; pinging it again connects again.
%% reconnect.expected was recorded with erl on both sides.
-module(reconnect).
-export([main/1]).

out(Tag, Value) -> io:format("~p ~p~n", [Tag, Value]).

main([PeerS]) ->
    Peer = list_to_atom(PeerS),
    out(ping, net_adm:ping(Peer)),
    ok = net_kernel:monitor_nodes(true),
    out(ready_to_kill, ok),
    receive {nodedown, Peer} -> out(nodedown, ok) after 10000 -> out(nodedown, timeout) end,
    out(nodes, nodes()),
    out(ping_again, wait_pong(Peer, 100)),
    receive {nodeup, Peer} -> out(nodeup, ok) after 5000 -> out(nodeup, timeout) end,
    %% the new node answers pings before its echo process is registered
    wait_echo(Peer, 100),
    {echo, Peer} ! {self(), again},
    receive {echoed, M, _} -> out(echo, M) after 5000 -> out(echo, timeout) end.

wait_pong(_Peer, 0) -> pang;
wait_pong(Peer, N) ->
    case net_adm:ping(Peer) of
        pong -> pong;
        pang -> timer:sleep(100), wait_pong(Peer, N - 1)
    end.

wait_echo(_Peer, 0) -> ok;
wait_echo(Peer, N) ->
    case rpc:call(Peer, erlang, whereis, [echo]) of
        P when is_pid(P) -> ok;
        _ -> timer:sleep(100), wait_echo(Peer, N - 1)
    end.
