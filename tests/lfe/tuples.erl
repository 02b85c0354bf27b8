-module(tuples).
-export([main/0]).
swap({A, B}) -> {B, A}.
main() ->
  T = {ok, 1, "two"},
  io:format("~p~n", [T]),
  io:format("~p~n", [{a, b, [c, d], "e"}]),
  io:format("~p~n", [[element(2, T), element(3, T), tuple_size(T)]]),
  io:format("~p~n", [setelement(2, T, one)]),
  io:format("~p~n", [swap({1, 2})]),
  {ok, N, _} = T,
  io:format("~p~n", [N]),
  io:format("~p~n", [{}]).
