%% A key-value store behind a gen_server: calls that answer, a cast that
%% does not, and a stop.
-module(kv_server).
-behaviour(gen_server).
-export([main/0]).
-export([init/1, handle_call/3, handle_cast/2, terminate/2]).

main() ->
    {ok, Pid} = gen_server:start_link(?MODULE, #{}, []),
    ok = gen_server:call(Pid, {put, apples, 3}),
    ok = gen_server:call(Pid, {put, pears, 5}),
    gen_server:cast(Pid, {add, apples, 4}),
    io:format("apples: ~p~n", [gen_server:call(Pid, {get, apples})]),
    io:format("pears: ~p~n", [gen_server:call(Pid, {get, pears})]),
    io:format("plums: ~p~n", [gen_server:call(Pid, {get, plums})]),
    io:format("keys: ~p~n", [gen_server:call(Pid, keys)]),
    ok = gen_server:stop(Pid),
    io:format("alive after stop: ~p~n", [is_process_alive(Pid)]).

init(Store) -> {ok, Store}.

handle_call({put, K, V}, _From, Store) -> {reply, ok, Store#{K => V}};
handle_call({get, K}, _From, Store) ->
    Reply = case Store of
                #{K := V} -> {ok, V};
                #{} -> not_found
            end,
    {reply, Reply, Store};
handle_call(keys, _From, Store) -> {reply, lists:sort(maps:keys(Store)), Store}.

handle_cast({add, K, N}, Store) ->
    {noreply, maps:update_with(K, fun(V) -> V + N end, N, Store)}.

terminate(_Reason, Store) ->
    io:format("stopping with ~b keys~n", [map_size(Store)]).
