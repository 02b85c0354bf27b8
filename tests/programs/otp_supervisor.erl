%% supervisor: the three static strategies, simple_one_for_one, the child
%% management calls, restart types, and the intensity limit.
-module(otp_supervisor).
-behaviour(supervisor).
-export([main/0, init/1, start_worker/1, start_worker/2, worker/2]).

main() ->
    %% Restarts write supervisor reports; keep them out of the output.
    ok = logger:set_primary_config(level, none),
    process_flag(trap_exit, true),
    [strategy(S) || S <- [one_for_one, one_for_all, rest_for_one]],
    restart_types(),
    dynamic(),
    management(),
    intensity(),
    ok.

%% Three children a, b, c; b is killed; who got a new pid?
strategy(Strategy) ->
    {ok, Sup} = supervisor:start_link(?MODULE, {Strategy, [a, b, c]}),
    Before = pids(Sup),
    exit(proplists:get_value(b, Before), kill),
    timer:sleep(30),
    After = pids(Sup),
    Changed = [Id || {Id, P} <- After, P =/= proplists:get_value(Id, Before)],
    io:format("~p: ids ~p, restarted ~p~n", [Strategy, [I || {I, _} <- After], Changed]),
    stop(Sup).

restart_types() ->
    {ok, Sup} = supervisor:start_link(?MODULE, types),
    [begin
         P = proplists:get_value(Id, pids(Sup)),
         P ! {exit, Reason},
         timer:sleep(20),
         Now = proplists:get_value(Id, pids(Sup), gone),
         io:format("~p exits ~p: ~p~n", [Id, Reason, describe(P, Now)])
     end || {Id, Reason} <- [{perm, normal}, {trans, normal}, {trans2, boom},
                             {temp, boom}]],
    io:format("count: ~p~n", [supervisor:count_children(Sup)]),
    stop(Sup).

describe(_, gone) -> removed;
describe(_, undefined) -> not_restarted;
describe(P, P) -> same;
describe(_, _) -> restarted.

dynamic() ->
    {ok, Sup} = supervisor:start_link(?MODULE, dynamic),
    {ok, P1} = supervisor:start_child(Sup, [one]),
    {ok, _P2} = supervisor:start_child(Sup, [two]),
    io:format("dynamic children: ~p~n", [length(supervisor:which_children(Sup))]),
    exit(P1, kill),
    timer:sleep(20),
    io:format("after crash: ~p~n", [supervisor:count_children(Sup)]),
    [{undefined, P3, worker, [?MODULE]} | _] = supervisor:which_children(Sup),
    ok = supervisor:terminate_child(Sup, P3),
    io:format("after terminate: ~p~n", [length(supervisor:which_children(Sup))]),
    stop(Sup).

management() ->
    {ok, Sup} = supervisor:start_link({local, mgmt}, ?MODULE, {one_for_one, [a]}),
    Spec = #{id => extra, start => {?MODULE, start_worker, [extra, self()]}},
    {ok, Extra} = supervisor:start_child(mgmt, Spec),
    io:format("start again: ~p~n", [supervisor:start_child(mgmt, Spec) =:= {error, {already_started, Extra}}]),
    io:format("ids: ~p~n", [[Id || {Id, _, _, _} <- supervisor:which_children(mgmt)]]),
    io:format("delete running: ~p~n", [supervisor:delete_child(mgmt, extra)]),
    io:format("terminate: ~p~n", [supervisor:terminate_child(mgmt, extra)]),
    io:format("which: ~p~n", [[{Id, is_pid(P)} || {Id, P, _, _} <- supervisor:which_children(mgmt)]]),
    {ok, _} = supervisor:restart_child(mgmt, extra),
    io:format("restart running: ~p~n", [supervisor:restart_child(mgmt, extra)]),
    ok = supervisor:terminate_child(mgmt, extra),
    io:format("delete: ~p~n", [supervisor:delete_child(mgmt, extra)]),
    io:format("unknown: ~p ~p~n", [supervisor:terminate_child(mgmt, nope),
                                   supervisor:get_childspec(mgmt, nope)]),
    {ok, #{id := a, restart := permanent, shutdown := 5000, type := worker}} =
        supervisor:get_childspec(mgmt, a),
    io:format("bad spec: ~p~n", [supervisor:start_child(mgmt, #{id => x, start => nope})]),
    stop(Sup).

%% Four restarts within the period allow three: the supervisor gives up.
intensity() ->
    {ok, Sup} = supervisor:start_link(?MODULE, {one_for_one, [a]}),
    [begin
         exit(proplists:get_value(a, pids(Sup)), kill),
         timer:sleep(10)
     end || _ <- [1, 2, 3]],
    io:format("after three: ~p~n", [is_process_alive(Sup)]),
    exit(proplists:get_value(a, pids(Sup)), kill),
    receive {'EXIT', Sup, Reason} -> io:format("supervisor exited: ~p~n", [Reason]) end.

pids(Sup) -> [{Id, P} || {Id, P, _, _} <- supervisor:which_children(Sup)].

stop(Sup) ->
    unlink(Sup),
    Ref = monitor(process, Sup),
    exit(Sup, shutdown),
    receive {'DOWN', Ref, process, Sup, R} -> io:format("stopped: ~p~n", [R]) end.

init({Strategy, Ids}) ->
    {ok, {#{strategy => Strategy, intensity => 3, period => 10},
          [#{id => Id, start => {?MODULE, start_worker, [Id, self()]}} || Id <- Ids]}};
init(types) ->
    {ok, {#{strategy => one_for_one, intensity => 10},
          [#{id => perm, start => {?MODULE, start_worker, [perm, x]}},
           #{id => trans, start => {?MODULE, start_worker, [trans, x]}, restart => transient},
           #{id => trans2, start => {?MODULE, start_worker, [trans2, x]}, restart => transient},
           {temp, {?MODULE, start_worker, [temp, x]}, temporary, brutal_kill, worker, [?MODULE]}]}};
init(dynamic) ->
    {ok, {#{strategy => simple_one_for_one},
          [#{id => ignored, start => {?MODULE, start_worker, []}}]}}.

start_worker(Id, Arg) -> {ok, spawn_link(?MODULE, worker, [Id, Arg])}.
start_worker(Id) -> start_worker(Id, none).

worker(Id, Arg) ->
    receive
        {exit, Reason} -> exit(Reason);
        _ -> worker(Id, Arg)
    end.
