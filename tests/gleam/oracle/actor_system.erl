%% The Erlang program equivalent to tests/gleam/run/actor_system.gleam; its
%% output, run by erl, is actor_system.expected.
-module(actor_system).
-behaviour(gen_server).
-export([main/0, init/1, handle_call/3, handle_cast/2]).

init(N) -> {ok, N}.
handle_cast({add, N}, S) -> {noreply, S + N}.
handle_call(get, _From, S) -> {reply, S, S}.

main() ->
    {ok, Pid} = gen_server:start_link(?MODULE, 0, []),
    gen_server:cast(Pid, {add, 5}),
    io:format("state ~p~n", [sys:get_state(Pid)]),
    sys:suspend(Pid),
    gen_server:cast(Pid, {add, 10}),
    io:format("suspended ~p~n", [sys:get_state(Pid)]),
    sys:resume(Pid),
    io:format("resumed ~p~n", [gen_server:call(Pid, get)]).
