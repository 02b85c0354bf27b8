-module(localfuns).
-export([main/0]).
fib(0) -> 0; fib(1) -> 1; fib(N) -> fib(N - 1) + fib(N - 2).
ev(0) -> true; ev(N) -> od(N - 1).
od(0) -> false; od(N) -> ev(N - 1).
main() ->
  Sq = fun(X) -> X * X end,
  io:format("~p~n", [[49, 2, nan, lists:map(Sq, [1, 2, 3])]]),
  io:format("~p~n", [2]),
  io:format("~p~n", [fib(20)]),
  io:format("~p~n", [[ev(10), od(7), lists:map(fun ev/1, [1, 2])]]),
  io:format("~p~n", [42]).
