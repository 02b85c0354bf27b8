%% A supervision tree: a top supervisor over a counter server and a
%% sub-supervisor of two workers. Crashing a child restarts it with fresh
%% state; the rest of the tree is untouched.
-module(supervisor_tree).
-behaviour(supervisor).
-export([main/0, init/1, start_counter/0, start_worker/1]).
-export([counter_init/0, worker_loop/1]).

main() ->
    %% Restarts write supervisor reports; this example prints its own story.
    logger:set_primary_config(level, none),
    {ok, Top} = supervisor:start_link({local, top}, ?MODULE, top),
    counter ! {bump, self()},
    counter ! {bump, self()},
    io:format("counter says ~p~n", [ask(counter)]),
    io:format("top has ~p~n", [ids(Top)]),
    io:format("workers has ~p~n", [ids(workers)]),
    Alpha = whereis(alpha),
    Counter = whereis(counter),
    exit(Counter, kill),
    wait_restart(counter, Counter),
    io:format("after the crash the counter says ~p~n", [ask(counter)]),
    io:format("alpha untouched: ~p~n", [whereis(alpha) =:= Alpha]),
    exit(Alpha, kill),
    wait_restart(alpha, Alpha),
    io:format("alpha restarted: ~p~n", [whereis(alpha) =/= Alpha]),
    io:format("~p~n", [supervisor:count_children(top)]),
    unlink(Top),
    Ref = monitor(process, Top),
    exit(Top, shutdown),
    receive {'DOWN', Ref, process, Top, shutdown} -> ok end,
    io:format("all gone: ~p~n", [[whereis(N) || N <- [top, workers, counter, alpha, beta]]]).

%% Restarts are asynchronous: wait until Name is registered to a new pid.
wait_restart(Name, Old) ->
    case whereis(Name) of
        New when is_pid(New), New =/= Old -> New;
        _ -> timer:sleep(5), wait_restart(Name, Old)
    end.

ask(Name) ->
    Name ! {get, self()},
    receive {Name, V} -> V after 1000 -> timeout end.

ids(Sup) -> [Id || {Id, _, _, _} <- lists:reverse(supervisor:which_children(Sup))].

init(top) ->
    {ok, {#{strategy => one_for_one, intensity => 5, period => 10},
          [#{id => counter, start => {?MODULE, start_counter, []}},
           #{id => workers, type => supervisor,
             start => {supervisor, start_link, [{local, workers}, ?MODULE, workers]}}]}};
init(workers) ->
    {ok, {#{strategy => one_for_one},
          [#{id => Name, start => {?MODULE, start_worker, [Name]}} || Name <- [alpha, beta]]}}.

%% Prints here, in the supervisor, so the order of the lines is fixed.
start_counter() ->
    io:format("counter starting~n"),
    Pid = spawn_link(?MODULE, counter_init, []),
    register(counter, Pid),
    {ok, Pid}.

counter_init() ->
    counter_loop(0).

counter_loop(N) ->
    receive
        {bump, _} -> counter_loop(N + 1);
        {get, From} -> From ! {counter, N}, counter_loop(N)
    end.

start_worker(Name) ->
    Pid = spawn_link(?MODULE, worker_loop, [Name]),
    register(Name, Pid),
    io:format("~p starting~n", [Name]),
    {ok, Pid}.

worker_loop(Name) ->
    receive _ -> worker_loop(Name) end.
