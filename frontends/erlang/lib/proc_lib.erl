%% proc_lib: processes that know their ancestors and report their crash.
%%
%% Ancestors are computed by the spawner (its own name or pid first), so
%% the new process's first ancestor is its parent.
%%
%% A process started here keeps '$ancestors' and '$initial_call' in its
%% dictionary (the behaviours find their parent there) and, if it ends
%% abnormally, writes a CRASH REPORT before exiting. Synchronous starts
%% (start/start_link/start_monitor) wait for the new process to call
%% init_ack/2 or init_fail/3.
%%
%% The crash report has OTP's fields; the exception line prints the class
%% and reason with ~tp rather than erl_error's prose (spec/erlang.md).
-module(proc_lib).
-export([spawn/1, spawn/3, spawn_link/1, spawn_link/3,
         start/3, start/4, start_link/3, start_link/4,
         start_monitor/3, start_monitor/4,
         init_ack/1, init_ack/2, init_fail/2, init_fail/3,
         initial_call/1, translate_initial_call/1, stop/1, stop/3]).
-export([init_p/6, start_it/6]).

spawn(F) when is_function(F) -> erlang:spawn(init_fun(F)).
spawn(M, F, A) -> erlang:spawn(init_mfa(M, F, A)).
spawn_link(F) when is_function(F) -> erlang:spawn_link(init_fun(F)).
spawn_link(M, F, A) -> erlang:spawn_link(init_mfa(M, F, A)).

init_fun(F) ->
    Parent = self(),
    Ancestors = ancestors(),
    {arity, 0} = erlang:fun_info(F, arity),
    {module, M} = erlang:fun_info(F, module),
    {name, N} = erlang:fun_info(F, name),
    fun() -> init_p(Parent, Ancestors, {M, N, 0}, erlang, apply, [F, []]) end.

init_mfa(M, F, A) ->
    Parent = self(),
    Ancestors = ancestors(),
    fun() -> init_p(Parent, Ancestors, {M, F, length(A)}, M, F, A) end.

start(M, F, A) -> start(M, F, A, infinity).
start(M, F, A, Timeout) -> start_it(nolink, M, F, A, Timeout, {M, F, length(A)}).
start_link(M, F, A) -> start_link(M, F, A, infinity).
start_link(M, F, A, Timeout) -> start_it(link, M, F, A, Timeout, {M, F, length(A)}).
start_monitor(M, F, A) -> start_monitor(M, F, A, infinity).
start_monitor(M, F, A, Timeout) ->
    start_it(monitor, M, F, A, Timeout, {M, F, length(A)}).

%% Spawns M:F(A) under proc_lib and waits for its init_ack/init_fail.
start_it(Link, M, F, A, Timeout, InitialCall) ->
    Parent = self(),
    Ancestors = ancestors(),
    Fun = fun() -> init_p(Parent, Ancestors, InitialCall, M, F, A) end,
    {Pid, Mref} = case Link of
                      link -> {erlang:spawn_link(Fun), none};
                      nolink -> {erlang:spawn(Fun), none};
                      monitor -> erlang:spawn_monitor(Fun)
                  end,
    Watch = erlang:monitor(process, Pid),
    receive
        {ack, Pid, Return} ->
            erlang:demonitor(Watch, [flush]),
            with_monitor(Link, Return, Pid, Mref);
        {'DOWN', Watch, process, Pid, Reason} ->
            flush_exit(Link, Pid),
            {error, Reason}
    after Timeout ->
        erlang:demonitor(Watch, [flush]),
        unlink(Pid),
        exit(Pid, kill),
        flush_exit(Link, Pid),
        {error, timeout}
    end.

with_monitor(monitor, {ok, Pid}, Pid, Mref) -> {ok, {Pid, Mref}};
with_monitor(_, Return, _, _) -> Return.

%% A starter that traps exits has the child's 'EXIT' in its mailbox too
%% when the child died before acknowledging; drop it, as OTP does.
flush_exit(link, Pid) ->
    receive {'EXIT', Pid, _} -> ok after 0 -> ok end;
flush_exit(_, _) -> ok.

init_ack(Return) ->
    [Parent | _] = get('$ancestors'),
    init_ack(Parent, Return).
init_ack(Starter, Return) ->
    Starter ! {ack, self(), Return},
    ok.

%% Tells the starter Return, then ends the process with Exception:
%% {exit, Reason} or {error | throw, Reason, Stack}.
init_fail(Return, Exception) ->
    [Parent | _] = get('$ancestors'),
    init_fail(Parent, Return, Exception).
init_fail(Starter, Return, Exception) ->
    Starter ! {ack, self(), Return},
    case Exception of
        {exit, Reason} -> exit(Reason);
        {Class, Reason, Stack} -> erlang:raise(Class, Reason, Stack)
    end.

init_p(Parent, Ancestors, InitialCall, M, F, A) ->
    _ = Parent,
    put('$ancestors', Ancestors),
    put('$initial_call', InitialCall),
    try apply(M, F, A)
    catch Class:Reason:Stack -> exit_p(Class, Reason, Stack)
    end.

exit_p(Class, Reason, Stack) ->
    Final = case Class of
                error -> {Reason, Stack};
                exit -> Reason;
                throw -> {{nocatch, Reason}, Stack}
            end,
    case Final of
        normal -> ok;
        shutdown -> ok;
        {shutdown, _} -> ok;
        _ -> crash_report(Class, Reason)
    end,
    exit(Final).

ancestors() ->
    Me = case process_info(self(), registered_name) of
             {registered_name, Name} -> Name;
             _ -> self()
         end,
    case get('$ancestors') of
        L when is_list(L) -> [Me | L];
        _ -> [Me]
    end.

initial_call(Pid) ->
    case process_info(Pid, dictionary) of
        {dictionary, D} ->
            case lists:keyfind('$initial_call', 1, D) of
                {_, {M, F, A}} -> {M, F, lists:duplicate(A, 'Argument__')};
                false -> false
            end;
        _ -> false
    end.

translate_initial_call(Pid) ->
    case initial_call(Pid) of
        {M, F, A} -> {M, F, length(A)};
        false -> {proc_lib, init_p, 5}
    end.

stop(Process) -> sys:terminate(Process, normal, infinity).
stop(Process, Reason, Timeout) -> sys:terminate(Process, Reason, Timeout).

crash_report(Class, Reason) ->
    Info = fun(Key) ->
                   case process_info(self(), Key) of
                       {Key, V} -> V;
                       _ -> undefined
                   end
           end,
    {M, F, A} = case get('$initial_call') of
                    {_, _, _} = Call -> Call;
                    _ -> {proc_lib, init_p, 5}
                end,
    Dict = [KV || {K, _} = KV <- Info(dictionary),
                  K =/= '$ancestors', K =/= '$initial_call'],
    Name = case Info(registered_name) of
               N when is_atom(N), N =/= undefined -> N;
               _ -> []
           end,
    Text = io_lib:format("  crasher:~n"
               "    initial call: ~tp:~tp/~b~n"
               "    pid: ~p~n"
               "    registered_name: ~tp~n"
               "    exception ~p: ~tp~n"
               "    ancestors: ~tp~n"
               "    message_queue_len: ~p~n"
               "    messages: ~tp~n"
               "    links: ~p~n"
               "    dictionary: ~tp~n"
               "    trap_exit: ~p~n"
               "    status: running~n"
               "    heap_size: ~p~n"
               "    stack_size: ~p~n"
               "    reductions: ~p~n"
               "  neighbours:~n",
               [M, F, A, self(), Name, Class, Reason, get('$ancestors'),
                Info(message_queue_len), Info(messages), Info(links), Dict,
                Info(trap_exit), Info(heap_size), Info(stack_size),
                Info(reductions)]),
    erlang:'$eubeam_log'(error, 'CRASH', Text),
    ok.
