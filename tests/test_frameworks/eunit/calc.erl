%% The module under test of calc_tests (compiled along by `eubeam test`).
-module(calc).
-export([add/2, divide/2, parse/1]).

add(A, B) -> A + B.

divide(_, 0) -> {error, zero_division};
divide(A, B) -> {ok, A div B}.

parse(S) -> list_to_integer(S).
