%% Test representations: setup, foreach, foreachx, with, inorder,
%% inparallel, timeout, spawn, nested descriptions.
-module(fixtures_tests).
-include_lib("eunit/include/eunit.hrl").

setup_test_() ->
    {setup,
     fun () -> io:format("starting~n"), ets_like() end,
     fun (_) -> io:format("stopping~n") end,
     fun (Store) ->
             [?_assertEqual(3, length(Store)),
              ?_assertEqual({b, 2}, lists:keyfind(b, 1, Store)),
              ?_assertEqual({c, 4}, lists:keyfind(c, 1, Store))]
     end}.

setup_plain_test_() ->
    {setup, fun () -> 10 end, ?_test(ok)}.

setup_list_test_() ->
    {setup, [{a, fun () -> 1 end, fun (_) -> ok end}, {b, fun () -> 2 end}],
     fun (Rs) -> ?_assertEqual([{a, 1}, {b, 2}], Rs) end}.

foreach_test_() ->
    {foreach,
     fun () -> counter_start() end,
     fun (Pid) -> Pid ! stop end,
     [fun (Pid) -> ?_assertEqual(1, counter_next(Pid)) end,
      fun (Pid) -> ?_assertEqual(2, begin counter_next(Pid), counter_next(Pid) end) end,
      fun (Pid) -> {"fresh counter", ?_assertEqual(5, counter_next(Pid))} end]}.

foreachx_test_() ->
    {foreachx,
     fun (X) -> X * 10 end,
     [{1, fun (X, R) -> ?_assertEqual(X * 10, R) end},
      {2, fun (X, R) -> ?_assertEqual(X, R) end}]}.

with_test_() ->
    {setup, fun () -> [1, 2, 3] end,
     {with, [fun (L) -> ?assertEqual(3, length(L)) end,
             fun (L) -> ?assertEqual([], L) end]}}.

order_test_() ->
    {"ordered",
     {inorder, [?_test(put(step, 1)), ?_assertEqual(undefined, get(step))]}}.

parallel_test_() ->
    {inparallel, [?_assert(true), ?_assertEqual(2, 1 + 1)]}.

timeout_test_() ->
    {timeout, 10, [?_test(timer:sleep(10)), ?_assert(true)]}.

spawn_test_() ->
    {spawn, ?_assertEqual(ok, ok)}.

nested_test_() ->
    {"outer",
     [{"inner one", ?_assert(true)},
      {"inner two", [?_assertEqual(a, a), ?_assertEqual(a, b)]}]}.

ets_like() -> [{a, 1}, {b, 2}, {c, 3}].

counter_start() ->
    spawn(fun () -> counter(0) end).

counter(N) ->
    receive
        {next, From} -> From ! {count, N + 1}, counter(N + 1);
        stop -> ok
    end.

counter_next(Pid) ->
    Pid ! {next, self()},
    receive {count, N} -> N end.
