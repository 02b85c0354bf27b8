-module(control).
-export([main/0]).
sign(X) when X < 0 -> negative;
sign(X) when X == 0 -> zero;
sign(_) -> positive.
describe({ok, V}) when is_integer(V), V > 10 -> {big, V};
describe({ok, V}) -> {small, V};
describe([H | _]) -> H;
describe([]) -> empty;
describe(_) -> unknown.
lookup({ok, V}) when is_atom(V) -> {atom, V};
lookup({ok, V}) -> {other, V};
lookup(_) -> none.
main() ->
  io:format("~p~n", [lists:map(fun sign/1, [-2, 0, 3])]),
  io:format("~p~n", [lists:map(fun describe/1, [{ok, 50}, {ok, 5}, [h, t], [], x])]),
  io:format("~p~n", [[yes, false, 1]]),
  io:format("~p~n", [[false, true, true, false]]),
  io:format("~p~n", [lists:map(fun lookup/1, [{ok, a}, {ok, 1}, x])]),
  io:format("~p~n", [{case_clause, maybe}]).
