-module(list_star).
-export([main/0]).
split([A, B | Rest]) -> {A, B, Rest};
split(_) -> short.
main() ->
  io:format("~p~n", [[1, 2 | [3, 4]]]),
  io:format("~p~n", [a]),
  io:format("~p~n", [[1, 2 | 3]]),
  io:format("~p~n", [[]]),
  io:format("~p~n", [lists:map(fun split/1, [[1,2,3,4], [1,2], [1]])]),
  [H | T] = [x, y, z],
  io:format("~p~n", [{H, T}]),
  io:format("~p~n", [length([1, 2 | lists:seq(3, 10)])]).
