%% Tests of calc, one of them failing on purpose.
-module(calc_tests).
-include_lib("eunit/include/eunit.hrl").

add_test() ->
    ?assertEqual(5, calc:add(2, 3)).

divide_test_() ->
    [?_assertEqual({ok, 2}, calc:divide(7, 3)),
     ?_assertEqual({error, zero_division}, calc:divide(1, 0)),
     ?_assertMatch({ok, 3}, calc:divide(7, 2))].

parse_test() ->
    ?assertEqual(42, calc:parse("42")),
    ?assertError(badarg, calc:parse("x")).

parse_bad_test() ->
    calc:parse("4x2").
