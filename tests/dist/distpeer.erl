%% The passive side of the distribution tests (cli/tests/dist_*.rs): runs on
%% an erl node or an eubeam node, registers the processes the client talks
%% to, and waits (the harness kills it, or it stops after a minute).
-module(distpeer).
-export([main/0, main/1, watch_down/2]).
-export([init/1, handle_call/3, handle_cast/2]).

main([]) -> main().

main() ->
    register(echo, spawn(fun echo/0)),
    register(victim, spawn(fun crasher/0)),
    register(victim2, spawn(fun crasher/0)),
    register(watcher, spawn(fun watcher/0)),
    register(sleeper, spawn(fun() -> receive stop -> ok end end)),
    register(relay, spawn(fun relay/0)),
    {ok, _} = gen_server:start({local, counter}, ?MODULE, 10, []),
    register(peer_main, self()),
    receive stop -> ok after 60000 -> ok end.

echo() ->
    receive
        {From, Msg} -> From ! {echoed, Msg, node(From)}
    end,
    echo().

crasher() ->
    receive crash -> exit(crashed) end.

%% Links to a process of the client's node and reports its exit reason.
watcher() ->
    process_flag(trap_exit, true),
    receive
        {watch, Pid, ReplyTo} ->
            link(Pid),
            ReplyTo ! linked,
            receive
                {'EXIT', Pid, Reason} -> ReplyTo ! {watcher_saw, Reason}
            end
    end,
    watcher().

%% Forwards a message to a third node's process.
relay() ->
    receive
        {forward, Dest, Msg} -> Dest ! Msg
    end,
    relay().

%% Spawned here by another node: monitor Target and tell ReplyTo its fate.
watch_down(Target, ReplyTo) ->
    Ref = erlang:monitor(process, Target),
    ReplyTo ! monitoring,
    receive {'DOWN', Ref, process, _, R} -> ReplyTo ! {b_saw, R} end.

%% `counter`, a gen_server called from the other node.
init(N) -> {ok, N}.

handle_call(get, _From, N) -> {reply, {count, N}, N};
handle_call({add, K}, _From, N) -> {reply, ok, N + K}.

handle_cast({add, K}, N) -> {noreply, N + K}.
