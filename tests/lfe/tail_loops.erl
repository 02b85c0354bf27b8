-module(tail_loops).
-export([main/0]).
count(0, Acc) -> Acc;
count(N, Acc) -> count(N - 1, Acc + 1).
fact(N) -> fact(N, 1).
fact(0, Acc) -> Acc;
fact(N, Acc) -> fact(N - 1, N * Acc).
pow(B, E) -> pow(B, E, 1).
pow(_, 0, Acc) -> Acc;
pow(B, E, Acc) -> pow(B, E - 1, B * Acc).
main() ->
  io:format("~p~n", [count(1000000, 0)]),
  io:format("~p~n", [fact(30)]),
  io:format("~p~n", [pow(2, 100)]),
  io:format("~p~n", [fact(100) rem 1000000007]),
  io:format("~p~n", [length(integer_to_list(fact(200)))]),
  io:format("~p~n", [lists:foldl(fun(X, Acc) -> X + Acc end, 0, lists:seq(1, 100000))]).
