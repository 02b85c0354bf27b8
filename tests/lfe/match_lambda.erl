-module(match_lambda).
-export([main/0]).
main() ->
  Classify = fun(0) -> zero;
                (N) when N < 0 -> negative;
                (N) when is_integer(N), N > 100 -> big;
                ({_, _}) -> pair;
                (_) -> other end,
  Add = fun(X, undefined) -> X; (X, Y) -> X + Y end,
  io:format("~p~n", [lists:map(Classify, [0, -5, 500, 7, {a, b}, z])]),
  io:format("~p~n", [lists:foldl(Add, 0, [1,2,3,4])]),
  io:format("~p~n", [Add(5, undefined)]),
  io:format("~p~n", [element(1, element(1, element(2, catch Add(1))))]),
  io:format("~p~n", [is_function(Classify, 1)]).
