-module(funrefs).
-export([main/0]).
sq(X) -> X * X.
'small?'(X) -> X < 10.
adder(N) -> fun(X) -> X + N end.
compose(F, G) -> fun(X) -> F(G(X)) end.
main() ->
  io:format("~p~n", [lists:map(fun sq/1, [1,2,3])]),
  io:format("~p~n", [lists:filter(fun 'small?'/1, lists:map(fun sq/1, [1,2,3,4,5]))]),
  io:format("~p~n", [lists:foldl(fun erlang:'+'/2, 0, [1,2,3])]),
  io:format("~p~n", [lists:map(fun lists:reverse/1, [[1,2],[3,4]])]),
  io:format("~p~n", [lists:sort(fun erlang:'>='/2, [3,1,2])]),
  io:format("~p~n", [lists:map(adder(10), [1,2])]),
  io:format("~p~n", [(compose(fun sq/1, adder(1)))(4)]),
  io:format("~p~n", [lists:map(fun sq/1, [5])]),
  io:format("~p~n", [[is_function(fun sq/1), is_function(fun sq/1, 1), is_function(fun lists:map/2, 2)]]).
