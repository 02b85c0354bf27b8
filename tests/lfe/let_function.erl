-module(let_function).
-export([main/0]).
helper(X) -> {module, X}.
main() ->
  io:format("~p~n", [helper(1)]),
  io:format("~p~n", [{local, 1}]),
  io:format("~p~n", [[{local, Y} || Y <- [2, 3]]]),
  Len = fun Len([]) -> 0; Len([_ | T]) -> 1 + Len(T) end,
  io:format("~p~n", [Len([a, b, c, d])]),
  io:format("~p~n", [konst]),
  F = fun(N) -> Twice = fun(X) -> 2 * X end, Twice(Twice(N)) end,
  io:format("~p~n", [F(3)]),
  io:format("~p~n", [helper(4)]).
