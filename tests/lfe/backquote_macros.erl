-module(backquote_macros).
-export([main/0]).
main() ->
  io:format("~p~n", [begin {A, B} = {1, 2}, {B, A} end]),
  io:format("~p~n", [begin io:format("~p~n", [['begin', step1]]), 1 + 1 end]),
  io:format("~p~n", [0 + 1 + 2 + 3 + 4]),
  io:format("~p~n", [[{key, 1}, {key, 2}, {key, 3}]]),
  io:format("~p~n", [[[5, {5, [5, 5]}], [lit, 5]]]),
  io:format("~p~n", [{12, 10}]),
  V = 3,
  io:format("~p~n", [[a, [b, V], {c, V + 1}, [V, V, d]]]).
