%% net_kernel: the node's connection API and the `net_kernel` server that
%% answers other nodes' `net_adm:ping/1` (`{is_auth, Node}` -> `yes`).
%% Connections themselves live in the runtime (spec/runtime.md,
%% Distribution); this module is the OTP-named front.
-module(net_kernel).
-export([connect_node/1, monitor_nodes/1, monitor_nodes/2, disconnect/1,
         get_net_ticktime/0, '$init'/0]).

connect_node(Node) when is_atom(Node) -> erlang:'$dist_connect'(Node).

monitor_nodes(Flag) -> erlang:'$dist_monitor_nodes'(Flag).

monitor_nodes(Flag, []) -> erlang:'$dist_monitor_nodes'(Flag);
monitor_nodes(_Flag, _Opts) -> error({not_supported, monitor_nodes_options}).

disconnect(Node) -> erlang:disconnect_node(Node).

get_net_ticktime() -> 60.

%% The server (started and registered as `net_kernel` by the runtime when
%% the node starts).
'$init'() -> loop().

loop() ->
    receive
        {'$gen_call', {From, Tag}, {is_auth, _Node}} ->
            From ! {Tag, yes};
        {'$gen_call', {From, Tag}, _Other} ->
            From ! {Tag, {error, not_supported}};
        _ ->
            ok
    end,
    loop().
