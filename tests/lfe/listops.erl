-module(listops).
-export([main/0]).
main() ->
  L = [1,2,3],
  io:format("~p~n", [[hd(L), tl(L), hd(tl(L)), tl(tl(L)), hd(tl(tl(L)))]]),
  io:format("~p~n", [[0|L]]),
  io:format("~p~n", [[a,b|L]]),
  io:format("~p~n", [[a|b]]),
  io:format("~p~n", [[a,b|c]]),
  io:format("~p~n", [L ++ [4,5] ++ [6]]),
  io:format("~p~n", [[1,2,3,2] -- [2]]),
  io:format("~p~n", [["abc", [], length(L)]]).
