-module(colon_calls).
-export([main/0]).
main() ->
  io:format("~p~n", [lists:reverse([1,2,3])]),
  io:format("~p~n", [erlang:length([a,b])]),
  io:format("~p~n", [lists:sum([1,2,3])]),
  M = lists, F = max,
  io:format("~p~n", [M:F([3,9,2])]),
  io:format("~p~n", [string:uppercase("abc")]),
  io:format("~p~n", [apply(M, min, [[3,9,2]])]),
  io:format("~p~n", [apply(fun lists:append/2, [[1], [2]])]),
  io:format("~p~n", [element(1, element(2, catch M:no_such_fun(1)))]).
