%% gen_server: the generic server behaviour, written over spawn, monitors
%% and selective receive.
%%
%% The wire protocol is OTP's, so Elixir's GenServer and Erlang's
%% gen_server talk to each other: a call is {'$gen_call', {Pid, Tag}, Req}
%% answered with {Tag, Reply} (Tag is the caller's monitor reference), a
%% cast is {'$gen_cast', Msg}, and system messages {system, From, Req}
%% carry sys:get_state/1 and gen_server:stop/1,3 (see sys.erl).
%%
%% Not supported yet: {global, Name} names, multi_call/abcast,
%% send_request/receive_response, hibernation (accepted, and the process
%% just keeps waiting), and debug options (ignored).
-module(gen_server).
-export([start/3, start/4, start_link/3, start_link/4,
         start_monitor/3, start_monitor/4,
         call/2, call/3, cast/2, reply/2, stop/1, stop/3,
         enter_loop/3, enter_loop/4]).
-export([init_it/6, system_continue/3, system_terminate/4,
         system_get_state/1, system_replace_state/2]).

-define(DEFAULT_TIMEOUT, 5000).

%%% Starting

start(Mod, Args, Opts) -> do_start(nolink, none, Mod, Args, Opts).
start(Name, Mod, Args, Opts) -> do_start(nolink, Name, Mod, Args, Opts).
start_link(Mod, Args, Opts) -> do_start(link, none, Mod, Args, Opts).
start_link(Name, Mod, Args, Opts) -> do_start(link, Name, Mod, Args, Opts).
start_monitor(Mod, Args, Opts) -> do_start(monitor, none, Mod, Args, Opts).
start_monitor(Name, Mod, Args, Opts) -> do_start(monitor, Name, Mod, Args, Opts).

do_start(Link, Name, Mod, Args, Opts) ->
    check_name(Name),
    Timeout = proplists:get_value(timeout, Opts, infinity),
    proc_lib:start_it(Link, ?MODULE, init_it, [self(), Link, Name, Mod, Args, Opts],
                      Timeout, {Mod, init, 1}).

check_name(none) -> ok;
check_name({local, Name}) when is_atom(Name) -> ok;
check_name({via, Mod, _}) when is_atom(Mod) -> ok;
check_name({global, _} = Name) -> erlang:error({not_supported_yet, Name});
check_name(Name) -> erlang:error({badarg, Name}).

%% Runs in the new process (started by proc_lib, which acks the starter).
init_it(Starter, _Link, Name, Mod, Args, _Opts) ->
    case register_name(Name) of
        true ->
            run_init(Starter, Name, Mod, Args);
        {false, Pid} ->
            proc_lib:init_fail(Starter, {error, {already_started, Pid}},
                               {exit, normal})
    end.

register_name(none) -> true;
register_name({local, Name}) ->
    try register(Name, self()) of
        true -> true
    catch error:badarg ->
        case whereis(Name) of
            undefined -> true;
            Pid -> {false, Pid}
        end
    end;
register_name({via, Mod, Name}) ->
    case Mod:register_name(Name, self()) of
        yes -> true;
        no -> {false, Mod:whereis_name(Name)}
    end.

unregister_name(none) -> ok;
unregister_name({local, Name}) -> catch unregister(Name), ok;
unregister_name({via, Mod, Name}) -> catch Mod:unregister_name(Name), ok.

run_init(Starter, Name, Mod, Args) ->
    Parent = parent(),
    case try {ok, Mod:init(Args)} catch throw:R -> {ok, R}; C:R:S -> {C, R, S} end of
        {ok, {ok, State}} ->
            proc_lib:init_ack(Starter, {ok, self()}),
            loop(Parent, Name, Mod, State, infinity);
        {ok, {ok, State, Timeout}} ->
            proc_lib:init_ack(Starter, {ok, self()}),
            loop(Parent, Name, Mod, State, Timeout);
        {ok, {stop, Reason}} ->
            unregister_name(Name),
            proc_lib:init_fail(Starter, {error, Reason}, {exit, Reason});
        {ok, ignore} ->
            unregister_name(Name),
            proc_lib:init_fail(Starter, ignore, {exit, normal});
        {ok, Other} ->
            Reason = {bad_return_value, Other},
            unregister_name(Name),
            proc_lib:init_fail(Starter, {error, Reason}, {exit, Reason});
        {exit, Reason, _} ->
            unregister_name(Name),
            proc_lib:init_fail(Starter, {error, Reason}, {exit, Reason});
        {error, Reason, Stack} ->
            unregister_name(Name),
            proc_lib:init_fail(Starter, {error, {Reason, Stack}},
                               {error, Reason, Stack})
    end.

%% The process that started us: the first ancestor proc_lib recorded.
parent() ->
    case get('$ancestors') of
        [P | _] when is_pid(P) -> P;
        [N | _] when is_atom(N) -> whereis(N);
        _ -> self()
    end.

%% Turn the calling process into a server (it must have been started by
%% proc_lib, or be fine with its parent being the first ancestor).
enter_loop(Mod, _Opts, State) ->
    loop(parent(), self(), Mod, State, infinity).
enter_loop(Mod, _Opts, State, Timeout) ->
    loop(parent(), self(), Mod, State, Timeout).

%%% Client calls

call(Server, Request) ->
    do_call(Server, Request, ?DEFAULT_TIMEOUT, [Server, Request]).
call(Server, Request, Timeout) ->
    do_call(Server, Request, Timeout, [Server, Request, Timeout]).

do_call(Server, Request, Timeout, CallArgs) ->
    case whereis_server(Server) of
        undefined ->
            exit({noproc, {?MODULE, call, CallArgs}});
        Pid when Pid =:= self() ->
            exit({calling_self, {?MODULE, call, CallArgs}});
        Pid ->
            Mref = erlang:monitor(process, Pid),
            Pid ! {'$gen_call', {self(), Mref}, Request},
            receive
                {Mref, Reply} ->
                    erlang:demonitor(Mref, [flush]),
                    Reply;
                {'DOWN', Mref, _, _, noconnection} ->
                    exit({nodedown, {?MODULE, call, CallArgs}});
                {'DOWN', Mref, _, _, Reason} ->
                    exit({Reason, {?MODULE, call, CallArgs}})
            after Timeout ->
                    erlang:demonitor(Mref, [flush]),
                    exit({timeout, {?MODULE, call, CallArgs}})
            end
    end.

whereis_server(Pid) when is_pid(Pid) -> Pid;
whereis_server(Name) when is_atom(Name) -> whereis(Name);
whereis_server({Name, Node}) when is_atom(Name), Node =:= node() -> whereis(Name);
%% A server on another node: monitored and called by {Name, Node}.
whereis_server({Name, Node} = Remote) when is_atom(Name), is_atom(Node) -> Remote;
whereis_server({via, Mod, Name}) ->
    case Mod:whereis_name(Name) of
        Pid when is_pid(Pid) -> Pid;
        _ -> undefined
    end;
whereis_server(Other) -> exit({badarg, Other}).

cast(Server, Msg) ->
    case catch whereis_server(Server) of
        Pid when is_pid(Pid) -> Pid ! {'$gen_cast', Msg};
        {Name, Node} = Remote when is_atom(Name), is_atom(Node) -> Remote ! {'$gen_cast', Msg};
        _ -> ok
    end,
    ok.

reply({Pid, Tag}, Reply) ->
    Pid ! {Tag, Reply},
    ok.

stop(Server) -> stop(Server, normal, infinity).
stop(Server, Reason, Timeout) ->
    case whereis_server(Server) of
        undefined -> exit(noproc);
        Pid -> sys:terminate(Pid, Reason, Timeout)
    end.

%%% The server loop

loop(Parent, Name, Mod, State, hibernate) ->
    loop(Parent, Name, Mod, State, infinity);
loop(Parent, Name, Mod, State, {continue, Continue}) ->
    Result = try_callback(Mod, handle_continue, [Continue, State]),
    handle_noreply(Result, Parent, Name, Mod, State, {continue, Continue});
loop(Parent, Name, Mod, State, Timeout) ->
    receive
        Msg -> handle_msg(Msg, Parent, Name, Mod, State)
    after Timeout ->
        handle_msg(timeout, Parent, Name, Mod, State)
    end.

handle_msg({'$gen_call', From, Request} = Msg, Parent, Name, Mod, State) ->
    case try_callback(Mod, handle_call, [Request, From, State]) of
        {ok, {reply, Reply, NState}} ->
            reply(From, Reply),
            loop(Parent, Name, Mod, NState, infinity);
        {ok, {reply, Reply, NState, Next}} ->
            reply(From, Reply),
            loop(Parent, Name, Mod, NState, Next);
        {ok, {stop, Reason, Reply, NState}} ->
            try
                terminate(Reason, Name, Msg, Mod, NState, [])
            after
                reply(From, Reply)
            end;
        Other ->
            handle_noreply(Other, Parent, Name, Mod, State, Msg)
    end;
handle_msg({'$gen_cast', Cast} = Msg, Parent, Name, Mod, State) ->
    Result = try_callback(Mod, handle_cast, [Cast, State]),
    handle_noreply(Result, Parent, Name, Mod, State, Msg);
handle_msg({system, From, Req}, Parent, Name, Mod, State) ->
    sys:handle_system_msg(Req, From, Parent, ?MODULE, [], {Name, Mod, State});
handle_msg({'EXIT', Parent, Reason} = Msg, Parent, Name, Mod, State) ->
    terminate(Reason, Name, Msg, Mod, State, []);
handle_msg(Info, Parent, Name, Mod, State) ->
    case erlang:function_exported(Mod, handle_info, 2) of
        true ->
            Result = try_callback(Mod, handle_info, [Info, State]),
            handle_noreply(Result, Parent, Name, Mod, State, Info);
        false ->
            logger:warning("** Undefined handle_info in ~p~n"
                           "** Unhandled message: ~tp~n", [Mod, Info]),
            loop(Parent, Name, Mod, State, infinity)
    end.

handle_noreply({ok, {noreply, NState}}, Parent, Name, Mod, _State, _Msg) ->
    loop(Parent, Name, Mod, NState, infinity);
handle_noreply({ok, {noreply, NState, Next}}, Parent, Name, Mod, _State, _Msg) ->
    loop(Parent, Name, Mod, NState, Next);
handle_noreply({ok, {stop, Reason, NState}}, _Parent, Name, Mod, _State, Msg) ->
    terminate(Reason, Name, Msg, Mod, NState, []);
handle_noreply({ok, Other}, _Parent, Name, Mod, State, Msg) ->
    terminate({bad_return_value, Other}, Name, Msg, Mod, State, []);
handle_noreply({Class, Reason, Stack}, _Parent, Name, Mod, State, Msg) ->
    terminate(exit_reason(Class, Reason, Stack), Name, Msg, Mod, State, Stack).

%% A callback's result: {ok, Value} for a return or a throw (OTP treats a
%% thrown value as the callback's return value), {Class, Reason, Stack}
%% for an exit or error.
try_callback(Mod, Fun, Args) ->
    try {ok, apply(Mod, Fun, Args)}
    catch
        throw:Value -> {ok, Value};
        Class:Reason:Stack -> {Class, Reason, Stack}
    end.

exit_reason(exit, Reason, _Stack) -> Reason;
exit_reason(error, Reason, Stack) -> {Reason, Stack}.

%% Calls Mod:terminate/2 if exported, reports an abnormal end, and exits.
terminate(Reason, Name, Msg, Mod, State, _Stack) ->
    Final = case erlang:function_exported(Mod, terminate, 2) of
                true ->
                    try Mod:terminate(Reason, State) of
                        _ -> Reason
                    catch
                        throw:_ -> Reason;
                        exit:R -> R;
                        error:R:S -> {R, S}
                    end;
                false ->
                    Reason
            end,
    case Final of
        normal -> ok;
        shutdown -> ok;
        {shutdown, _} -> ok;
        _ -> error_report(Name, Msg, State, Final)
    end,
    unregister_name(Name),
    exit(Final).

error_report(Name, Msg, State, Reason) ->
    logger:error("** Generic server ~tp terminating \n"
                 "** Last message in was ~tp~n"
                 "** When Server state == ~tp~n"
                 "** Reason for termination ==~n** ~tp~n",
                 [server_name(Name), Msg, State, Reason]).

server_name(none) -> self();
server_name({local, Name}) -> Name;
server_name({via, _, Name}) -> Name;
server_name(Pid) when is_pid(Pid) -> Pid.

%%% sys callbacks (see sys.erl); Misc is {Name, Mod, State}.

system_continue(Parent, _Debug, {Name, Mod, State}) ->
    loop(Parent, Name, Mod, State, infinity).

system_terminate(Reason, _Parent, _Debug, {Name, Mod, State}) ->
    terminate(Reason, Name, [], Mod, State, []).

system_get_state({_Name, _Mod, State}) -> {ok, State}.

system_replace_state(Fun, {Name, Mod, State}) ->
    NState = Fun(State),
    {ok, NState, {Name, Mod, NState}}.
