%% The active side of the distribution tests (cli/tests/dist_*.rs): talks to
%% the node running distpeer.erl and prints what it sees, one line per step.
%% The same output whether either side is erl or eubeam (client.expected,
%% recorded with both sides on erl).
-module(client).
-export([main/1]).

out(Tag, Value) -> io:format("~p ~p~n", [Tag, Value]).

main([PeerS]) ->
    Peer = list_to_atom(PeerS),
    out(alive, is_alive()),
    out(ping, net_adm:ping(Peer)),
    out(nodes, nodes() =:= [Peer]),
    %% a registered process there replies to a pid of this node
    {echo, Peer} ! {self(), hello},
    receive {echoed, M, N} -> out(echo, {M, N =:= node()}) after 5000 -> out(echo, timeout) end,
    %% rpc:call against that node's rex / erpc
    out(rpc, rpc:call(Peer, lists, reverse, [[1, 2, 3]])),
    out(rpc_node, rpc:call(Peer, erlang, node, []) =:= Peer),
    {badrpc, {'EXIT', {Why, _}}} = rpc:call(Peer, erlang, error, [boom]),
    out(rpc_error, Why),
    %% gen_server calls and casts to {Name, Node}
    out(gen_call, gen_server:call({counter, Peer}, {add, 5})),
    ok = gen_server:cast({counter, Peer}, {add, 1}),
    out(gen_call_state, gen_server:call({counter, Peer}, get)),
    {'EXIT', {GenWhy, _}} = (catch gen_server:call({nobody, Peer}, get)),
    out(gen_call_noproc, GenWhy),
    %% spawn/4 there; the new process sends to a pid of this node
    P = spawn(Peer, erlang, send, [self(), spawned]),
    receive spawned -> out(spawn, node(P) =:= Peer) after 5000 -> out(spawn, timeout) end,
    %% a crash there reaches a linked, trapping process here
    process_flag(trap_exit, true),
    V = rpc:call(Peer, erlang, whereis, [victim]),
    link(V),
    V ! crash,
    receive {'EXIT', V, R1} -> out(link_in, R1) after 5000 -> out(link_in, timeout) end,
    %% spawn_link/4 and spawn_monitor/4 there
    LP = spawn_link(Peer, erlang, exit, [linked_bye]),
    receive {'EXIT', LP, R7} -> out(spawn_link, {node(LP) =:= Peer, R7}) after 5000 -> out(spawn_link, timeout) end,
    {MP, MRef} = spawn_monitor(Peer, erlang, exit, [monitored_bye]),
    receive
        {'DOWN', MRef, process, MP, R8} -> out(spawn_monitor, {node(MP) =:= Peer, R8})
    after 5000 -> out(spawn_monitor, timeout)
    end,
    %% a crash here reaches a linked, trapping process there
    Child = spawn(fun() -> receive go -> exit(crashed_here) end end),
    {watcher, Peer} ! {watch, Child, self()},
    receive linked -> ok after 5000 -> out(link_out, not_linked) end,
    Child ! go,
    receive {watcher_saw, R2} -> out(link_out, R2) after 5000 -> out(link_out, timeout) end,
    %% a monitor by name fires with the reason
    Mon = erlang:monitor(process, {victim2, Peer}),
    {victim2, Peer} ! crash,
    receive
        {'DOWN', Mon, process, Obj, R3} -> out(monitor, {Obj =:= {victim2, Peer}, R3})
    after 5000 -> out(monitor, timeout)
    end,
    %% a monitor on a missing name fires noproc
    Mon2 = erlang:monitor(process, {nobody, Peer}),
    receive {'DOWN', Mon2, process, _, R4} -> out(monitor_noproc, R4) after 5000 -> out(monitor_noproc, timeout) end,
    %% the peer node goes away (the harness kills it)
    ok = net_kernel:monitor_nodes(true),
    S = rpc:call(Peer, erlang, whereis, [sleeper]),
    Mon3 = erlang:monitor(process, S),
    link(S),
    out(ready_to_kill, ok),
    receive {'DOWN', Mon3, process, S, R5} -> out(down, R5) after 20000 -> out(down, timeout) end,
    receive {'EXIT', S, R6} -> out(link_lost, R6) after 5000 -> out(link_lost, timeout) end,
    receive {nodedown, Peer} -> out(nodedown, Peer =/= node()) after 5000 -> out(nodedown, timeout) end,
    out(nodes_after, nodes()).
