%% EUnit tests of the kv_server example (`eubeam test examples/`), each
%% with a fresh server from a foreach fixture.
-module(kv_server_tests).
-include_lib("eunit/include/eunit.hrl").

kv_server_test_() ->
    {foreach,
     fun () -> {ok, Pid} = gen_server:start(kv_server, #{}, []), Pid end,
     fun (Pid) -> gen_server:stop(Pid) end,
     [fun (Pid) -> {"put then get", ?_test(put_get(Pid))} end,
      fun (Pid) -> {"a missing key", ?_assertEqual(not_found, gen_server:call(Pid, {get, plums}))} end,
      fun (Pid) -> {"cast adds to a value", ?_test(add(Pid))} end,
      fun (Pid) -> {"keys are sorted", ?_test(keys(Pid))} end]}.

put_get(Pid) ->
    ?assertEqual(ok, gen_server:call(Pid, {put, apples, 3})),
    ?assertEqual({ok, 3}, gen_server:call(Pid, {get, apples})).

add(Pid) ->
    ok = gen_server:call(Pid, {put, apples, 3}),
    gen_server:cast(Pid, {add, apples, 4}),
    gen_server:cast(Pid, {add, pears, 1}),
    ?assertEqual({ok, 7}, gen_server:call(Pid, {get, apples})),
    ?assertEqual({ok, 1}, gen_server:call(Pid, {get, pears})).

keys(Pid) ->
    [ok = gen_server:call(Pid, {put, K, 1}) || K <- [pears, apples, figs]],
    ?assertEqual([apples, figs, pears], gen_server:call(Pid, keys)).

stop_test() ->
    {ok, Pid} = gen_server:start(kv_server, #{}, []),
    ?assert(is_process_alive(Pid)),
    ok = gen_server:stop(Pid),
    ?assertNot(is_process_alive(Pid)).
