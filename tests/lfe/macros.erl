-module(macros).
-export([main/0]).
unwrap({ok, V}) -> V;
unwrap(_) -> none.
main() ->
  io:format("~p~n", [21 + 21]),
  io:format("~p~n", [[1, 2 + 2, 3]]),
  io:format("~p~n", [[true, false, true]]),
  io:format("~p~n", [b]),
  io:format("~p~n", [[unwrap({ok, 7}), unwrap(x)]]),
  io:format("~p~n", [{2, 1}]),
  io:format("~p~n", [y]),
  X = 5, Xs = [1, 2],
  io:format("~p~n", [[a, X] ++ Xs ++ [b, {t, X}]]).
