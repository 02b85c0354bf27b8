%% A failing assertion of each kind; each test fails on purpose.
-module(asserts_tests).
-include_lib("eunit/include/eunit.hrl").

assert_test() -> ?assert(1 > 2).
assert_not_boolean_test() -> ?assert(length([a])).
assert_not_test() -> ?assertNot(is_list([])).
assert_comment_test() -> ?assert(false, "with a comment").
assert_equal_test() -> ?assertEqual([1, 2, 3], lists:seq(1, 4)).
assert_equal_comment_test() -> ?assertEqual(a, b, "names differ").
assert_not_equal_test() -> ?assertNotEqual(3, 1 + 2).
assert_match_test() -> ?assertMatch({ok, _}, lists:keyfind(x, 1, [{y, 1}])).
assert_match_guard_test() -> ?assertMatch(N when N > 10, length("abc")).
assert_not_match_test() -> ?assertNotMatch([_ | _], "text").
assert_error_other_test() -> ?assertError(badarg, 1 / zero()).
assert_error_success_test() -> ?assertError(badarg, ok).
assert_throw_test() -> ?assertThrow(done, erlang:error(oops)).
assert_exit_test() -> ?assertExit(normal, throw(nope)).
assert_exception_test() -> ?assertException(exit, {shutdown, _}, exit(kill)).
badmatch_test() -> {ok, _} = id(error).
case_clause_test() -> case id(3) of 1 -> one end.
throw_test() -> throw(thrown).
exit_test() -> exit(gone).
nested_call_test() -> helper(5).
output_test() -> io:format("printed ~p~n", [here]), ?assert(false).

generated_test_() ->
    [?_assert(0 > 1),
     ?_assertNot(true),
     ?_assertEqual(x, y),
     ?_assertNotEqual(z, z),
     ?_assertMatch([_], []),
     ?_assertNotMatch(_, anything),
     ?_assertError(badarith, ok),
     ?_assertThrow(a, throw(b)),
     ?_assertExit(a, exit(b)),
     ?_assertException(throw, a, ok),
     {"described failure", ?_assertEqual(1, 2)}].

helper(N) when N > 10 -> ok;
helper(N) -> ?assertEqual(N, N + 1), ok.

zero() -> id(0).

id(X) -> X.
