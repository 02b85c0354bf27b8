%% gen_server: calls, casts, info, timeouts, continue, names, sys, stop,
%% and the exits a client sees when the server is gone or slow.
-module(otp_gen_server).
-behaviour(gen_server).
-export([main/0]).
-export([init/1, handle_call/3, handle_cast/2, handle_info/2,
         handle_continue/2, terminate/2]).

main() ->
    {ok, P} = gen_server:start_link(?MODULE, 10, []),
    io:format("get: ~p~n", [gen_server:call(P, get)]),
    ok = gen_server:cast(P, {add, 5}),
    io:format("after cast: ~p~n", [gen_server:call(P, get)]),
    P ! {info, 100},
    io:format("after info: ~p~n", [gen_server:call(P, get)]),
    io:format("continue: ~p~n", [gen_server:call(P, continue_then_get)]),
    io:format("deferred reply: ~p~n", [gen_server:call(P, deferred)]),
    io:format("thrown reply: ~p~n", [gen_server:call(P, throw_reply)]),
    io:format("sys state: ~p~n", [sys:get_state(P)]),
    {'EXIT', {timeout, {gen_server, call, [P, slow, 50]}}} =
        (catch gen_server:call(P, slow, 50)),
    io:format("timed out~n"),
    timer:sleep(150),
    io:format("stop reply: ~p~n", [gen_server:call(P, stop_me)]),
    timer:sleep(20),
    io:format("alive: ~p~n", [is_process_alive(P)]),
    {'EXIT', {noproc, {gen_server, call, [P, get]}}} = (catch gen_server:call(P, get)),
    io:format("noproc~n"),
    io:format("cast to dead: ~p~n", [gen_server:cast(P, anything)]),

    {ok, N} = gen_server:start({local, counter}, ?MODULE, 0, []),
    io:format("named: ~p ~p~n", [whereis(counter) =:= N, gen_server:call(counter, get)]),
    io:format("again: ~p~n", [gen_server:start({local, counter}, ?MODULE, 0, [])
                                  =:= {error, {already_started, N}}]),
    ok = gen_server:stop(counter),
    io:format("unregistered: ~p~n", [whereis(counter)]),
    io:format("ignore: ~p~n", [gen_server:start(?MODULE, ignore_me, [])]),
    %% A failed init writes a crash report; keep it out of the output.
    ok = logger:set_primary_config(level, none),
    io:format("stop in init: ~p~n", [gen_server:start(?MODULE, stop_me, [])]),
    io:format("bad init: ~p~n", [gen_server:start(?MODULE, bad, [])]),
    ok = logger:set_primary_config(level, notice),
    io:format("level: ~p~n", [maps:get(level, logger:get_primary_config())]),
    {ok, T} = gen_server:start(?MODULE, {timeout, 30}, []),
    timer:sleep(100),
    io:format("idle timeout: ~p~n", [gen_server:call(T, get)]),
    {ok, M} = gen_server:start(?MODULE, 1, []),
    {Q, Ref} = spawn_monitor(fun() -> gen_server:call(M, {crash_with, shutdown}) end),
    receive
        {'DOWN', Ref, process, Q, {shutdown, {gen_server, call, [M, _]}}} ->
            io:format("client saw the server's shutdown~n")
    end,
    ok.

init(ignore_me) -> ignore;
init(stop_me) -> {stop, no_thanks};
init(bad) -> what;
init({timeout, T}) -> {ok, {waiting, T}, T};
init(N) -> {ok, N}.

handle_call(get, _From, S) -> {reply, S, S};
handle_call(continue_then_get, _From, S) -> {reply, S, S, {continue, double}};
handle_call(deferred, From, S) ->
    spawn(fun() -> gen_server:reply(From, {later, S}) end),
    {noreply, S};
handle_call(throw_reply, _From, S) -> throw({reply, thrown, S});
handle_call(slow, _From, S) -> timer:sleep(100), {reply, slow, S};
handle_call(stop_me, _From, S) -> {stop, normal, stopping, S};
handle_call({crash_with, R}, _From, S) -> {stop, R, S}.

handle_cast({add, N}, S) -> {noreply, S + N}.

handle_info({info, N}, S) -> {noreply, S + N};
handle_info(timeout, {waiting, _}) -> {noreply, timed_out}.

handle_continue(double, S) -> {noreply, S * 2}.

terminate(Reason, S) -> io:format("terminate(~p, ~p)~n", [Reason, S]).
