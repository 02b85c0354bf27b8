%% Three nodes (cli/tests/dist_nodes.rs): this client and two nodes running
%% distpeer.erl. A message relayed by the second node to the third carries
%% this node's pid, so the third connects to us and the second to the third
%% on their own; when the third node is killed, the others see it go.
%% trio.expected was recorded with three erl nodes.
-module(trio).
-export([main/1]).

out(Tag, Value) -> io:format("~p ~p~n", [Tag, Value]).

main([BS, CS]) ->
    B = list_to_atom(BS),
    C = list_to_atom(CS),
    out(ping_b, net_adm:ping(B)),
    out(nodes, nodes() =:= [B]),
    %% B forwards to C's echo a message carrying our pid: B dials C, and
    %% C's echo answers us (C dials us).
    {relay, B} ! {forward, {echo, C}, {self(), via_b}},
    receive {echoed, M, N} -> out(relayed, {M, N =:= node()}) after 5000 -> out(relayed, timeout) end,
    out(nodes_now, lists:sort(nodes()) =:= lists:sort([B, C])),
    out(b_sees_c, lists:member(C, rpc:call(B, erlang, nodes, []))),
    out(c_node, rpc:call(C, erlang, node, []) =:= C),
    %% a process spawned on B monitors C's sleeper and tells us its fate
    Self = self(),
    spawn(B, distpeer, watch_down, [{sleeper, C}, Self]),
    receive monitoring -> ok after 5000 -> out(monitoring, timeout) end,
    ok = net_kernel:monitor_nodes(true),
    out(ready_to_kill, c),
    receive {b_saw, R} -> out(b_saw, R) after 20000 -> out(b_saw, timeout) end,
    receive {nodedown, C} -> out(nodedown, c) after 5000 -> out(nodedown, timeout) end,
    out(nodes_after, nodes() =:= [B]),
    out(b_nodes_after, rpc:call(B, erlang, nodes, []) =:= [node()]).
