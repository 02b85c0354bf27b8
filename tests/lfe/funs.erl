-module(funs).
-export([main/0, double/1]).
double(X) -> 2 * X.
adder(N) -> fun(X) -> X + N end.
main() ->
  Add5 = adder(5),
  F = fun(0) -> zero; (N) when N > 0 -> pos; (_) -> neg end,
  io:format("~p~n", [Add5(10)]),
  io:format("~p~n", [lists:map(F, [0, 3, -3])]),
  io:format("~p~n", [lists:map(fun double/1, [1, 2, 3])]),
  io:format("~p~n", [lists:map(fun funs:double/1, [4, 5])]),
  io:format("~p~n", [lists:map(fun funs:double/1, [6])]),
  io:format("~p~n", [(fun erlang:abs/1)(-7)]),
  io:format("~p~n", [lists:foldl(fun(X, Acc) -> X + Acc end, 0, [1, 2, 3, 4])]),
  io:format("~p~n", [(fun(A, B) -> [B, A] end)(1, 2)]),
  io:format("~p~n", [lists:reverse([1, 2, 3])]),
  io:format("~p~n", [lists:sum([1, 2, 3])]),
  io:format("~p~n", [is_function(Add5, 1)]).
