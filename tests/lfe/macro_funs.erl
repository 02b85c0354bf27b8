-module(macro_funs).
-export([main/0]).
one() -> 1.
two() -> 2.
main() ->
  io:format("~p~n", [0 + 1 + 2 + 3 + 4]),
  io:format("~p~n", [[{key, 1}, {key, 2}, {key, 3}]]),
  io:format("~p~n", [[1, 2, 3]]),
  io:format("~p~n", [5]),
  io:format("~p~n", [[rev, [3, 2, 1]]]),
  io:format("~p~n", [105]),
  io:format("~p~n", [[one(), two()]]).
