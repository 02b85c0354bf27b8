%% The supervising process of our gleam/otp/static_supervisor. gleam_otp
%% uses OTP's `supervisor` module, which our runtime does not have; this is
%% a small supervisor of our own with the same observable behaviour for the
%% options gleam_otp exposes:
%% - children start in order; a child that fails to start stops the ones
%%   already started (in reverse order) and start returns its error;
%% - strategies one_for_one, one_for_all, rest_for_one; restart types
%%   permanent (always), transient (after an abnormal exit: not normal,
%%   shutdown or {shutdown, _}), temporary (never, and removed);
%% - more than Intensity restarts within Period seconds stops every child
%%   and the supervisor with reason shutdown;
%% - auto shutdown when any / all significant children have terminated
%%   without restart;
%% - children are stopped with exit(Pid, shutdown), killed when a worker
%%   does not stop within its shutdown_ms;
%% - the exit of the parent stops the children and then the supervisor.
%%
%% Gleam values seen here: Strategy one_for_one | one_for_all |
%% rest_for_one; AutoShutdown never | any_significant | all_significant;
%% ChildSpecification {child_specification, StartFun, Restart, Significant,
%% ChildType} with ChildType {worker, Ms} | supervisor; StartFun() returns
%% {ok, {started, Pid, Data}} or {error, StartError}.
-module(gleam_otp_ffi).
-export([start_supervisor/5, system_tag/0, handle_system/2, killed/0,
         start_factory/6, factory_start_child/2]).

killed() -> killed.

%% ---- system messages for gleam/otp/actor processes (what sys sends)

system_tag() -> system.

%% Answers {system, From, Request} for an actor whose state is State and
%% returns the state to continue with, as OTP's sys:handle_system_msg does
%% for a behaviour: get_state, replace_state, suspend (answers only system
%% messages until resume), resume, terminate.
handle_system({system, From, Request}, State) ->
    case Request of
        get_state ->
            gen_reply(From, State),
            State;
        {replace_state, Fun} ->
            New = Fun(State),
            gen_reply(From, New),
            New;
        suspend ->
            gen_reply(From, ok),
            suspended(State);
        resume ->
            gen_reply(From, ok),
            State;
        {terminate, Reason} ->
            gen_reply(From, ok),
            exit(Reason);
        _ ->
            gen_reply(From, {error, {unknown_system_msg, Request}}),
            State
    end.

suspended(State) ->
    receive
        {system, From, resume} ->
            gen_reply(From, ok),
            State;
        {system, _, _} = Message ->
            suspended(handle_system(Message, State))
    end.

gen_reply({Pid, Tag}, Reply) -> Pid ! {Tag, Reply};
gen_reply(_, _) -> ok.

%% A factory supervisor: one for one, children added by
%% factory_start_child/2 from the template (the `factory` flag), each
%% dropped once it has exited for good; registered under its name if any.
start_factory(Template, Restart, Type, Intensity, Period, Name) ->
    Flags = #{strategy => one_for_one, intensity => Intensity,
              period => Period * 1000, auto => never,
              factory => {Template, Restart, Type}, name => Name},
    start_with(Flags, []).

factory_start_child(Supervisor, Arg) ->
    Target = case Supervisor of
                 {supervisor, Pid} -> Pid;
                 {named_supervisor, Name} -> whereis(Name)
             end,
    case is_pid(Target) of
        false ->
            {error, {init_exited, {abnormal, noproc}}};
        true ->
            Ref = erlang:monitor(process, Target),
            Target ! {'$factory_start', self(), Ref, Arg},
            receive
                {Ref, Reply} ->
                    erlang:demonitor(Ref, [flush]),
                    Reply;
                {'DOWN', Ref, process, _, Reason} ->
                    {error, {init_exited, exit_reason(Reason)}}
            end
    end.

start_supervisor(Strategy, Intensity, Period, Auto, Specs) ->
    Flags = #{strategy => Strategy, intensity => Intensity,
              period => Period * 1000, auto => Auto},
    start_with(Flags, Specs).

start_with(Flags, Specs) ->
    Parent = self(),
    Ref = make_ref(),
    Pid = spawn_link(fun() -> init(Parent, Ref, Flags, Specs) end),
    MRef = erlang:monitor(process, Pid),
    receive
        {Ref, started} ->
            erlang:demonitor(MRef, [flush]),
            {ok, Pid};
        {Ref, {failed, Error}} ->
            erlang:demonitor(MRef, [flush]),
            {error, Error};
        {'DOWN', MRef, process, Pid, Reason} ->
            {error, {init_exited, exit_reason(Reason)}}
    end.

exit_reason(normal) -> normal;
exit_reason(killed) -> killed;
exit_reason(R) -> {abnormal, R}.

%% A child: {Id, Pid | undefined, Spec}, kept in start order.
init(Parent, Ref, Flags, Specs) ->
    process_flag(trap_exit, true),
    Registered = case Flags of
        #{name := {some, Name}} -> (catch register(Name, self())) =:= true;
        _ -> true
    end,
    case Registered of
        true ->
            init_children(Parent, Ref, Flags, Specs);
        false ->
            %% As gleam_otp reports OTP's {already_started, Pid}.
            unlink(Parent),
            Parent ! {Ref, {failed, {init_failed, <<"already started">>}}}
    end.

init_children(Parent, Ref, Flags, Specs) ->
    Numbered = lists:zip(lists:seq(1, length(Specs)), Specs),
    case start_children([{Id, undefined, Spec} || {Id, Spec} <- Numbered], []) of
        {ok, Children} ->
            Parent ! {Ref, started},
            loop(Flags#{parent => Parent, children => Children, restarts => []});
        {error, Error, Started} ->
            stop_children(Started),
            unlink(Parent),
            Parent ! {Ref, {failed, Error}}
    end.

start_children([], Acc) -> {ok, lists:reverse(Acc)};
start_children([{Id, _, Spec} | Rest], Acc) ->
    case start_child(Spec) of
        {ok, Pid} -> start_children(Rest, [{Id, Pid, Spec} | Acc]);
        {error, Error} -> {error, Error, Acc}
    end.

start_child({child_specification, Start, _, _, _}) ->
    try Start() of
        {ok, {started, Pid, _}} -> {ok, Pid};
        {error, Error} -> {error, Error}
    catch
        Class:Reason -> {error, {init_exited, {abnormal, {Class, Reason}}}}
    end.

%% Stops children in reverse start order.
stop_children(Children) ->
    [stop_child(Pid, Spec) || {_, Pid, Spec} <- lists:reverse(Children)],
    ok.

stop_child(undefined, _) -> ok;
stop_child(Pid, {child_specification, _, _, _, Type}) ->
    MRef = erlang:monitor(process, Pid),
    unlink(Pid),
    receive {'EXIT', Pid, _} -> ok after 0 -> ok end,
    exit(Pid, shutdown),
    Timeout = case Type of {worker, Ms} -> Ms; supervisor -> infinity end,
    receive
        {'DOWN', MRef, process, Pid, _} -> ok
    after Timeout ->
        exit(Pid, kill),
        receive {'DOWN', MRef, process, Pid, _} -> ok end
    end.

loop(#{parent := Parent, children := Children} = S) ->
    receive
        {'EXIT', Parent, Reason} ->
            stop_children(Children),
            exit(Reason);
        {'EXIT', Pid, Reason} ->
            case lists:keyfind(Pid, 2, Children) of
                false -> loop(S);
                Child -> loop(child_exited(Child, Reason, S))
            end;
        {'$factory_start', From, Ref, Arg} when is_map_key(factory, S) ->
            {Template, Restart, Type} = maps:get(factory, S),
            Spec = {child_specification, fun() -> Template(Arg) end, Restart, false, Type},
            {Reply, S2} =
                try Template(Arg) of
                    {ok, {started, Pid, _}} = Started ->
                        {Started, S#{children := Children ++ [{make_ref(), Pid, Spec}]}};
                    {error, _} = Error ->
                        {Error, S}
                catch
                    Class:Reason ->
                        {{error, {init_exited, {abnormal, {Class, Reason}}}}, S}
                end,
            From ! {Ref, Reply},
            loop(S2);
        _ ->
            loop(S)
    end.

child_exited({Id, _, {child_specification, _, Restart, Significant, _} = Spec}, Reason, S) ->
    case restart(Restart, Reason) of
        true ->
            restart_children(Id, note_restart(S));
        false ->
            %% A factory's children are dropped once they are done.
            Children = case Restart =:= temporary orelse is_map_key(factory, S) of
                true -> lists:keydelete(Id, 1, maps:get(children, S));
                false -> lists:keyreplace(Id, 1, maps:get(children, S), {Id, undefined, Spec})
            end,
            auto_shutdown(Significant, S#{children := Children})
    end.

restart(permanent, _) -> true;
restart(temporary, _) -> false;
restart(transient, normal) -> false;
restart(transient, shutdown) -> false;
restart(transient, {shutdown, _}) -> false;
restart(transient, _) -> true.

auto_shutdown(false, S) -> S;
auto_shutdown(true, #{auto := never} = S) -> S;
auto_shutdown(true, #{auto := any_significant} = S) -> shutdown(S);
auto_shutdown(true, #{auto := all_significant, children := Children} = S) ->
    Alive = [P || {_, P, {child_specification, _, _, true, _}} <- Children, P =/= undefined],
    case Alive of
        [] -> shutdown(S);
        _ -> S
    end.

shutdown(#{children := Children}) ->
    stop_children(Children),
    exit(shutdown).

%% Records a restart; more than `intensity` within `period` shuts down.
note_restart(#{restarts := Restarts, intensity := Intensity, period := Period} = S) ->
    Now = erlang:monotonic_time(millisecond),
    Recent = [T || T <- [Now | Restarts], Now - T < Period],
    case length(Recent) > Intensity of
        true -> shutdown(S);
        false -> S#{restarts := Recent}
    end.

%% Restarts child Id and, by strategy, its siblings: the others are
%% stopped in reverse order first, then all start again in order
%% (temporary siblings that were stopped are dropped). A restart that
%% fails counts as another restart and is tried again.
restart_children(Id, #{strategy := Strategy, children := Children} = S) ->
    {Before, [{Id, _, Spec} | After]} = lists:splitwith(fun({I, _, _}) -> I =/= Id end, Children),
    {Keep, Again} = case Strategy of
        one_for_one -> {Before, [{Id, undefined, Spec}]};
        one_for_all -> {[], Before ++ [{Id, undefined, Spec}]};
        rest_for_one -> {Before, [{Id, undefined, Spec}]}
    end,
    Others = case Strategy of
        one_for_one -> [];
        one_for_all -> Before ++ After;
        rest_for_one -> After
    end,
    stop_children([C || {I, _, _} = C <- Others, I =/= Id]),
    Restartable = fun({_, _, {child_specification, _, temporary, _, _}}) -> false; (_) -> true end,
    ToStart = case Strategy of
        one_for_one -> Again;
        one_for_all -> lists:filter(Restartable, Before) ++ [{Id, undefined, Spec}] ++ lists:filter(Restartable, After);
        rest_for_one -> Again ++ lists:filter(Restartable, After)
    end,
    Rest = case Strategy of
        one_for_one -> After;
        _ -> []
    end,
    case start_children(ToStart, []) of
        {ok, Started} ->
            S#{children := Keep ++ Started ++ Rest};
        {error, _, Started} ->
            %% Keep what started; the failed child retries as a restart.
            Failed = lists:nth(length(Started) + 1, ToStart),
            NotStarted = lists:nthtail(length(Started) + 1, ToStart),
            S2 = S#{children := Keep ++ Started ++ [Failed] ++ NotStarted ++ Rest},
            restart_children(element(1, Failed), note_restart(S2))
    end.
