-module(catch_forms).
-export([main/0]).
f(X) ->
  case X of
    1 -> throw(one);
    2 -> exit(two);
    3 -> error(three);
    4 -> element(5, {a});
    _ -> X
  end.
main() ->
  io:format("~p~n", [catch f(0)]),
  io:format("~p~n", [catch f(1)]),
  io:format("~p~n", [catch f(2)]),
  io:format("~p~n", [case catch f(3) of {'EXIT', {R, _}} -> R end]),
  io:format("~p~n", [case catch f(4) of {'EXIT', {R2, _}} -> R2 end]),
  io:format("~p~n", [catch (catch throw(inner))]),
  io:format("~p~n", [[case catch f(X) of {'EXIT', R3} -> element(1, R3); V -> V end || X <- [0,1,3,5]]]),
  io:format("~p~n", [catch throw({deep, [1, 2]})]).
