-module(let_scope).
-export([main/0]).
main() ->
  X = 1, Y = 2,
  X1 = X + 10, Z = X,
  io:format("~p~n", [[X1, Y, Z]]),
  io:format("~p~n", [[X, Y]]),
  A = 1, B = A + 1, C = B * 3,
  io:format("~p~n", [[A, B, C]]),
  [H | T] = [1, 2, 3],
  {ok, V} = {ok, 5},
  io:format("~p~n", [[H, T, V]]),
  io:format("~p~n", [begin 1, 2, 3 end]),
  io:format("~p~n", [first]),
  Bad = error,
  io:format("~p~n", [case catch (ok = Bad) of {'EXIT', {R, _}} -> R end]).
