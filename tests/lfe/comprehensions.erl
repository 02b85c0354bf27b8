-module(comprehensions).
-export([main/0]).
main() ->
  io:format("~p~n", [[X * X || X <- [1, 2, 3, 4, 5], 0 == X rem 2]]),
  io:format("~p~n", [[{X, Y} || X <- [1, 2], Y <- [a, b]]]),
  io:format("~p~n", [[V || {ok, V} <- [{ok, 1}, bad, {ok, 2}]]]),
  io:format("~p~n", [[V || V <- [1, 2, 3, 4], V > 2]]),
  io:format("~p~n", [[A + B || X <- [[1|2], [3|4], 5], [A|B] <- [X]]]),
  io:format("~p~n", [<< <<X:16>> || X <- [1, 2, 3] >>]),
  io:format("~p~n", [[B + 1 || <<B:8>> <= <<"abc">>]]),
  io:format("~p~n", [<< <<(B + 1):8>> || <<B:4>> <= <<171, 205>> >>]).
