-module(hof).
-export([main/0]).
main() ->
  Xs = lists:seq(1, 10),
  io:format("~p~n", [lists:filter(fun(X) -> 0 == X rem 3 end, Xs)]),
  io:format("~p~n", [lists:foldr(fun(X, Acc) -> [X * X | Acc] end, [], [1, 2, 3])]),
  io:format("~p~n", [lists:zip([a, b, c], [1, 2, 3])]),
  io:format("~p~n", [lists:zipwith(fun erlang:'+'/2, [1, 2], [10, 20])]),
  io:format("~p~n", [[lists:any(fun is_atom/1, [1, a]), lists:all(fun is_atom/1, [1, a])]]),
  io:format("~p~n", [lists:partition(fun(X) -> X > 5 end, Xs)]),
  io:format("~p~n", [lists:sort(fun(A, B) -> A >= B end, [3, 1, 2])]),
  io:format("~p~n", [lists:map(fun(F) -> F(3) end, [fun(X) -> X * X end, fun integer_to_list/1])]).
