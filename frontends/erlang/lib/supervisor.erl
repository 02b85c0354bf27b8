%% supervisor: starts children, watches them, restarts them by strategy.
%%
%% A supervisor is a gen_server (this module is its callback module) that
%% traps exits. Children are kept in start order; they are stopped in the
%% reverse order. Restarts are counted against intensity/period: one too
%% many and the supervisor stops its children and exits with `shutdown`.
%% Reports (child_terminated, start_error, shutdown) have OTP's fields and
%% go through logger, so logger:set_primary_config(level, none) hides them.
%%
%% Not supported yet: significant children and auto_shutdown (accepted,
%% never acted on), {global, Name} names, hot code upgrade.
-module(supervisor).
-behaviour(gen_server).
-export([start_link/2, start_link/3, start_child/2, restart_child/2,
         delete_child/2, terminate_child/2, which_children/1,
         count_children/1, get_childspec/2, check_childspecs/1]).
-export([init/1, handle_call/3, handle_cast/2, handle_info/2, terminate/2]).

-record(child, {pid :: pid() | undefined | restarting,
                id, mfargs, restart = permanent, shutdown, type = worker,
                modules}).
-record(state, {name, strategy, intensity, period, restarts = [],
                children = [], dynamics = [], mod, args}).

%%% API

start_link(Mod, Args) ->
    gen_server:start_link(supervisor, {self_name, Mod, Args}, []).
start_link(Name, Mod, Args) ->
    gen_server:start_link(Name, supervisor, {Name, Mod, Args}, []).

start_child(Sup, SpecOrArgs) -> call(Sup, {start_child, SpecOrArgs}).
restart_child(Sup, Id) -> call(Sup, {restart_child, Id}).
delete_child(Sup, Id) -> call(Sup, {delete_child, Id}).
terminate_child(Sup, IdOrPid) -> call(Sup, {terminate_child, IdOrPid}).
which_children(Sup) -> call(Sup, which_children).
count_children(Sup) -> call(Sup, count_children).
get_childspec(Sup, Id) -> call(Sup, {get_childspec, Id}).

call(Sup, Req) -> gen_server:call(Sup, Req, infinity).

check_childspecs(Specs) when is_list(Specs) ->
    try [check_spec(S) || S <- Specs] of
        _ -> ok
    catch throw:{invalid, What} -> {error, What}
    end;
check_childspecs(X) -> {error, {badarg, X}}.

%%% gen_server callbacks

init({Name0, Mod, Args}) ->
    process_flag(trap_exit, true),
    Name = case Name0 of
               self_name -> {self(), Mod};
               _ -> Name0
           end,
    case Mod:init(Args) of
        {ok, {Flags, Specs}} ->
            case catch init_state(Name, Mod, Args, Flags, Specs) of
                {ok, State} -> start_children(State);
                {invalid, What} -> {stop, {supervisor_data, What}};
                {'EXIT', R} -> {stop, {bad_start_spec, R}}
            end;
        ignore ->
            ignore;
        Other ->
            {stop, {bad_return, {Mod, init, Other}}}
    end.

init_state(Name, Mod, Args, Flags, Specs) ->
    {Strategy, Intensity, Period} = flags(Flags),
    Children = try [check_spec(S) || S <- Specs]
               catch throw:{invalid, W} -> throw({invalid, W})
               end,
    case Strategy of
        simple_one_for_one when length(Children) =/= 1 ->
            throw({invalid, {bad_combination, Specs}});
        _ -> ok
    end,
    {ok, #state{name = Name, strategy = Strategy, intensity = Intensity,
                period = Period, children = Children, mod = Mod, args = Args}}.

flags(#{} = F) ->
    Strategy = maps:get(strategy, F, one_for_one),
    Intensity = maps:get(intensity, F, 1),
    Period = maps:get(period, F, 5),
    flags({Strategy, Intensity, Period});
flags({Strategy, Intensity, Period} = F) ->
    lists:member(Strategy, [one_for_one, one_for_all, rest_for_one,
                            simple_one_for_one])
        orelse throw({invalid, {invalid_strategy, Strategy}}),
    (is_integer(Intensity) andalso Intensity >= 0)
        orelse throw({invalid, {invalid_intensity, Intensity}}),
    (is_integer(Period) andalso Period > 0)
        orelse throw({invalid, {invalid_period, Period}}),
    _ = F,
    {Strategy, Intensity, Period};
flags(Other) -> throw({invalid, {invalid_type, Other}}).

check_spec(#{id := Id, start := {M, F, A} = MFA} = S)
  when is_atom(M), is_atom(F), is_list(A) ->
    Type = maps:get(type, S, worker),
    lists:member(Type, [worker, supervisor])
        orelse throw({invalid, {invalid_child_type, Type}}),
    Restart = maps:get(restart, S, permanent),
    lists:member(Restart, [permanent, transient, temporary])
        orelse throw({invalid, {invalid_restart_type, Restart}}),
    Shutdown = maps:get(shutdown, S, case Type of
                                         worker -> 5000;
                                         supervisor -> infinity
                                     end),
    (Shutdown =:= brutal_kill orelse Shutdown =:= infinity
     orelse (is_integer(Shutdown) andalso Shutdown >= 0))
        orelse throw({invalid, {invalid_shutdown, Shutdown}}),
    #child{id = Id, mfargs = MFA, restart = Restart, shutdown = Shutdown,
           type = Type, modules = maps:get(modules, S, [M])};
check_spec({Id, MFA, Restart, Shutdown, Type, Modules}) ->
    check_spec(#{id => Id, start => MFA, restart => Restart,
                 shutdown => Shutdown, type => Type, modules => Modules});
check_spec(#{id := _, start := MFA}) -> throw({invalid, {invalid_mfa, MFA}});
check_spec(Other) -> throw({invalid, {invalid_child_spec, Other}}).

start_children(#state{strategy = simple_one_for_one} = State) ->
    {ok, State};
start_children(#state{children = Specs} = State) ->
    start_children(Specs, [], State).

start_children([], Started, State) ->
    {ok, State#state{children = lists:reverse(Started)}};
start_children([C | Rest], Started, State) ->
    case start_child_proc(C#child.mfargs) of
        {ok, Pid} ->
            start_children(Rest, [C#child{pid = Pid} | Started], State);
        ignore ->
            start_children(Rest, [C#child{pid = undefined} | Started], State);
        {error, Reason} ->
            report(start_error, Reason, C, State),
            stop_children(Started),
            {stop, {shutdown, {failed_to_start_child, C#child.id, Reason}}}
    end.

start_child_proc({M, F, A}) ->
    try apply(M, F, A) of
        {ok, Pid} when is_pid(Pid) -> {ok, Pid};
        {ok, Pid, _Info} when is_pid(Pid) -> {ok, Pid};
        ignore -> ignore;
        {error, _} = E -> E;
        Other -> {error, Other}
    catch
        throw:R -> {error, R};
        exit:R -> {error, R};
        error:R:S -> {error, {R, S}}
    end.

handle_call({start_child, Args}, _From,
            #state{strategy = simple_one_for_one, children = [C]} = State)
  when is_list(Args) ->
    {M, F, A} = C#child.mfargs,
    case start_child_proc({M, F, A ++ Args}) of
        {ok, Pid} ->
            {reply, {ok, Pid},
             State#state{dynamics = State#state.dynamics ++ [{Pid, Args}]}};
        ignore -> {reply, {ok, undefined}, State};
        {error, _} = E -> {reply, E, State}
    end;
handle_call({start_child, Spec}, _From, State) ->
    case catch check_spec(Spec) of
        #child{id = Id} = C ->
            case find(Id, State) of
                #child{pid = Pid} when is_pid(Pid) ->
                    {reply, {error, {already_started, Pid}}, State};
                #child{} ->
                    {reply, {error, already_present}, State};
                false ->
                    case start_child_proc(C#child.mfargs) of
                        {ok, Pid} ->
                            {reply, {ok, Pid}, add(C#child{pid = Pid}, State)};
                        ignore ->
                            {reply, {ok, undefined}, add(C#child{pid = undefined}, State)};
                        {error, _} = E ->
                            {reply, E, State}
                    end
            end;
        {invalid, What} -> {reply, {error, What}, State}
    end;
handle_call({terminate_child, Pid}, _From,
            #state{strategy = simple_one_for_one} = State) when is_pid(Pid) ->
    case lists:keymember(Pid, 1, State#state.dynamics) of
        true ->
            [C] = State#state.children,
            stop_child(C#child{pid = Pid}),
            {reply, ok, State#state{dynamics = lists:keydelete(Pid, 1, State#state.dynamics)}};
        false ->
            {reply, {error, not_found}, State}
    end;
handle_call({terminate_child, IdOrPid}, _From, State) ->
    case find(IdOrPid, State) of
        false -> {reply, {error, not_found}, State};
        C ->
            stop_child(C),
            State1 = case C#child.restart of
                         temporary -> remove(C, State);
                         _ -> replace(C#child{pid = undefined}, State)
                     end,
            {reply, ok, State1}
    end;
handle_call({restart_child, Id}, _From, State) ->
    case find(Id, State) of
        #child{pid = undefined} = C ->
            case start_child_proc(C#child.mfargs) of
                {ok, Pid} -> {reply, {ok, Pid}, replace(C#child{pid = Pid}, State)};
                ignore -> {reply, {ok, undefined}, State};
                {error, _} = E -> {reply, E, State}
            end;
        #child{} -> {reply, {error, running}, State};
        false -> {reply, {error, not_found}, State}
    end;
handle_call({delete_child, Id}, _From, State) ->
    case find(Id, State) of
        #child{pid = undefined} = C -> {reply, ok, remove(C, State)};
        #child{} -> {reply, {error, running}, State};
        false -> {reply, {error, not_found}, State}
    end;
handle_call({get_childspec, Id}, _From, State) ->
    case find(Id, State) of
        #child{} = C -> {reply, {ok, spec_map(C)}, State};
        false -> {reply, {error, not_found}, State}
    end;
handle_call(which_children, _From,
            #state{strategy = simple_one_for_one, children = [C]} = State) ->
    {reply, [{undefined, Pid, C#child.type, C#child.modules}
             || {Pid, _} <- State#state.dynamics], State};
handle_call(which_children, _From, State) ->
    {reply, [{C#child.id, C#child.pid, C#child.type, C#child.modules}
             || C <- lists:reverse(State#state.children)], State};
handle_call(count_children, _From, State) ->
    All = case State#state.strategy of
              simple_one_for_one ->
                  [C] = State#state.children,
                  [C#child{pid = P} || {P, _} <- State#state.dynamics];
              _ -> State#state.children
          end,
    Active = length([C || #child{pid = P} = C <- All, is_pid(P)]),
    Sups = length([C || #child{type = supervisor} = C <- All]),
    {reply, [{specs, length(State#state.children)}, {active, Active},
             {supervisors, Sups}, {workers, length(All) - Sups}], State}.

handle_cast(_Msg, State) -> {noreply, State}.

handle_info({'EXIT', Pid, Reason}, State) ->
    case child_exited(Pid, Reason, State) of
        {ok, State1} -> {noreply, State1};
        {shutdown, State1} -> {stop, shutdown, State1}
    end;
handle_info(Msg, State) ->
    logger:error("Supervisor received unexpected message: ~tp~n", [Msg]),
    {noreply, State}.

terminate(_Reason, #state{strategy = simple_one_for_one, children = [C]} = State) ->
    [stop_child(C#child{pid = P}) || {P, _} <- lists:reverse(State#state.dynamics)],
    ok;
terminate(_Reason, State) ->
    stop_children(lists:reverse(State#state.children)),
    ok.

%%% Restarting

child_exited(Pid, Reason, #state{strategy = simple_one_for_one, children = [C]} = State) ->
    case lists:keyfind(Pid, 1, State#state.dynamics) of
        false -> {ok, State};
        {Pid, Args} ->
            Dyn = lists:keydelete(Pid, 1, State#state.dynamics),
            Child = C#child{pid = Pid},
            State1 = State#state{dynamics = Dyn},
            case needs_restart(Child, Reason, State1) of
                false -> {ok, State1};
                true ->
                    {M, F, A} = C#child.mfargs,
                    with_intensity(State1, Child, fun(S) ->
                        case start_child_proc({M, F, A ++ Args}) of
                            {ok, NPid} ->
                                S#state{dynamics = S#state.dynamics ++ [{NPid, Args}]};
                            _ -> S
                        end
                    end)
            end
    end;
child_exited(Pid, Reason, State) ->
    case lists:keyfind(Pid, #child.pid, State#state.children) of
        false -> {ok, State};
        C ->
            case needs_restart(C, Reason, State) of
                false when C#child.restart =:= temporary -> {ok, remove(C, State)};
                false -> {ok, replace(C#child{pid = undefined}, State)};
                true ->
                    State1 = replace(C#child{pid = restarting}, State),
                    with_intensity(State1, C, fun(S) -> restart(C, S) end)
            end
    end.

%% Whether the child's end calls for a restart; reports it when OTP does.
needs_restart(#child{restart = permanent} = C, Reason, State) ->
    report(child_terminated, Reason, C, State),
    true;
needs_restart(#child{restart = Type} = C, Reason, State) ->
    case Reason of
        normal -> false;
        shutdown -> false;
        {shutdown, _} -> false;
        _ ->
            report(child_terminated, Reason, C, State),
            Type =:= transient
    end.

with_intensity(State, Child, Restart) ->
    Now = erlang:monotonic_time(second),
    Recent = [T || T <- [Now | State#state.restarts],
                   Now - T < State#state.period],
    case length(Recent) > State#state.intensity of
        true ->
            report(shutdown, reached_max_restart_intensity, Child, State),
            {shutdown, State#state{restarts = Recent}};
        false ->
            {ok, Restart(State#state{restarts = Recent})}
    end.

restart(C, #state{strategy = one_for_one} = State) ->
    start_again([C], State);
restart(C, #state{strategy = one_for_all, children = Cs} = State) ->
    stop_children(lists:reverse([X || X <- Cs, X#child.id =/= C#child.id])),
    start_again(Cs, State);
restart(C, #state{strategy = rest_for_one, children = Cs} = State) ->
    {_Before, After} = lists:splitwith(fun(X) -> X#child.id =/= C#child.id end, Cs),
    [_ | Later] = After,
    stop_children(lists:reverse(Later)),
    start_again(After, State).

%% Starts each child again in order; one that fails to start is left
%% without a process (OTP retries; see spec/erlang.md).
start_again([], State) -> State;
start_again([C | Rest], State) ->
    case C#child.restart =:= temporary of
        true ->
            start_again(Rest, remove(C, State));
        false ->
            Pid = case start_child_proc(C#child.mfargs) of
                      {ok, P} -> P;
                      ignore -> undefined;
                      {error, Reason} ->
                          report(start_error, Reason, C, State),
                          undefined
                  end,
            start_again(Rest, replace(C#child{pid = Pid}, State))
    end.

stop_children(Children) ->
    [stop_child(C) || C <- Children, is_pid(C#child.pid)],
    ok.

%% Stops one child as its shutdown says, and eats its 'EXIT'.
stop_child(#child{pid = Pid, shutdown = brutal_kill}) when is_pid(Pid) ->
    Mref = erlang:monitor(process, Pid),
    exit(Pid, kill),
    wait_down(Pid, Mref, infinity);
stop_child(#child{pid = Pid, shutdown = Time}) when is_pid(Pid) ->
    Mref = erlang:monitor(process, Pid),
    exit(Pid, shutdown),
    case wait_down(Pid, Mref, Time) of
        timeout ->
            exit(Pid, kill),
            wait_down(Pid, Mref, infinity);
        Done -> Done
    end;
stop_child(_) -> ok.

wait_down(Pid, Mref, Time) ->
    receive
        {'DOWN', Mref, process, Pid, _} ->
            receive {'EXIT', Pid, _} -> ok after 0 -> ok end
    after Time -> timeout
    end.

%%% The child list

find(Pid, State) when is_pid(Pid) ->
    lists:keyfind(Pid, #child.pid, State#state.children);
find(Id, State) ->
    lists:keyfind(Id, #child.id, State#state.children).

add(C, State) -> State#state{children = State#state.children ++ [C]}.
replace(C, State) ->
    State#state{children = lists:keyreplace(C#child.id, #child.id,
                                            State#state.children, C)}.
remove(C, State) ->
    State#state{children = lists:keydelete(C#child.id, #child.id,
                                           State#state.children)}.

spec_map(C) ->
    #{id => C#child.id, start => C#child.mfargs, restart => C#child.restart,
      shutdown => C#child.shutdown, type => C#child.type,
      modules => C#child.modules}.

%%% Reports

report(Context, Reason, Child, State) ->
    Text = io_lib:format("    supervisor: ~tp~n    errorContext: ~tp~n"
                         "    reason: ~tp~n    offender: ~tp~n",
                         [State#state.name, Context, Reason, offender(Child)]),
    erlang:'$eubeam_log'(error, 'SUPERVISOR', Text),
    ok.

offender(C) ->
    [{pid, C#child.pid}, {id, C#child.id}, {mfargs, C#child.mfargs},
     {restart_type, C#child.restart}, {significant, false},
     {shutdown, C#child.shutdown}, {child_type, C#child.type}].
