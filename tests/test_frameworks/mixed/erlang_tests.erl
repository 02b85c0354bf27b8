%% The Erlang part of the mixed run: EUnit, two passing tests and a
%% failing one.
-module(erlang_tests).
-include_lib("eunit/include/eunit.hrl").

sum_test() -> ?assertEqual(6, lists:sum([1, 2, 3])).

reverse_test() -> ?assertEqual([c, b, a], lists:reverse([a, b, c])).

fails_test() -> ?assertEqual(3, length([a, b])).
