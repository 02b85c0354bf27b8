%% Passing tests: test functions, a generator, descriptions.
-module(basic_tests).
-include_lib("eunit/include/eunit.hrl").

addition_test() ->
    ?assertEqual(4, 2 + 2).

lists_test() ->
    ?assert(lists:member(b, [a, b, c])),
    ?assertNot(lists:member(z, [a, b, c])),
    ?assertMatch([_, _ | _], lists:seq(1, 5)),
    ?assertNotMatch({error, _}, {ok, 1}),
    ?assertNotEqual(1, 2).

exceptions_test() ->
    ?assertError(badarith, 1 / zero()),
    ?assertError({badmatch, _}, begin {a, _} = id({b, 1}) end),
    ?assertThrow(stop, throw(stop)),
    ?assertExit(bye, exit(bye)),
    ?assertException(error, function_clause, lists:nth(0, [])).

generated_test_() ->
    [?_assertEqual(6, lists:sum([1, 2, 3])),
     {"reverse", ?_assertEqual([c, b, a], lists:reverse([a, b, c]))},
     ?_test(?assert(is_atom(ok)))].

zero() -> id(0).

id(X) -> X.
