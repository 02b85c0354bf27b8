%% The Erlang program equivalent to tests/gleam/run/static_supervisor.gleam
%% (gleam_otp's static_supervisor is OTP's supervisor; each child is a
%% registered counter process); its stdout, run by erl, is
%% static_supervisor.expected.
-module(static_supervisor).
-behaviour(supervisor).
-export([main/0, init/1, start_counter/2, counter/1]).

init({Strategy, Intensity, Period, Children}) ->
    {ok, {#{strategy => Strategy, intensity => Intensity, period => Period},
          [#{id => N, start => {?MODULE, start_counter, [L, N]}, restart => R}
           || {N, L, R} <- Children]}}.

start_counter(Label, Name) ->
    io:format("starting ~s~n", [Label]),
    Pid = spawn_link(fun() -> register(Name, self()), counter(0) end),
    %% wait until registered, as actor.start waits for its initialiser
    wait_registered(Name),
    {ok, Pid}.

wait_registered(Name) ->
    case whereis(Name) of undefined -> timer:sleep(1), wait_registered(Name); _ -> ok end.

counter(N) ->
    receive
        {add, X} -> counter(N + X);
        {get, From} -> From ! {count, N}, counter(N);
        crash -> exit(asked_to_crash)
    end.

get_count(Name) -> Name ! {get, self()}, receive {count, N} -> N after 1000 -> timeout end.

report(L, Name) -> io:format("~s = ~p~n", [L, get_count(Name)]).

crash(Name) ->
    Pid = whereis(Name),
    Ref = monitor(process, Pid),
    Name ! crash,
    receive {'DOWN', Ref, process, Pid, _} -> ok after 1000 -> timeout end,
    timer:sleep(50).

run(Strategy, Title) ->
    io:format("-- ~s~n", [Title]),
    {ok, Sup} = supervisor:start_link(?MODULE, {Strategy, 2, 5,
        [{a, "a", permanent}, {b, "b", permanent}, {c, "c", permanent}]}),
    a ! {add, 1}, b ! {add, 2}, c ! {add, 3},
    io:format("crash b~n"),
    crash(b),
    report("a", a), report("b", b), report("c", c),
    unlink(Sup), exit(Sup, kill), timer:sleep(10).

main() ->
    %% Supervisor reports go to standard output under erl -noshell; the
    %% Gleam program prints only its own lines.
    logger:set_primary_config(level, none),
    run(one_for_one, "one_for_one"),
    run(one_for_all, "one_for_all"),
    run(rest_for_one, "rest_for_one"),
    io:format("-- restart types~n"),
    {ok, Sup} = supervisor:start_link(?MODULE, {one_for_one, 2, 5, [{t, "t", temporary}]}),
    crash(t),
    io:format("t after crash: ~s~n", [case whereis(t) of undefined -> "gone"; _ -> "running" end]),
    unlink(Sup), exit(Sup, kill),
    io:format("-- intensity~n"),
    process_flag(trap_exit, true),
    {ok, Sup2} = supervisor:start_link(?MODULE, {one_for_one, 1, 10, [{d, "d", permanent}]}),
    M = monitor(process, Sup2),
    crash(d),
    crash(d),
    receive {'DOWN', M, process, Sup2, _} -> ok after 1000 -> timeout end,
    io:format("supervisor alive: ~s~n", [case is_process_alive(Sup2) of true -> "yes"; false -> "no" end]).
