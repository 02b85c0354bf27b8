-module(sieve).
-export([main/0]).
sieve([]) -> [];
sieve([P | Xs]) -> [P | sieve([X || X <- Xs, X rem P /= 0])].
qsort([]) -> [];
qsort([P | Xs]) -> qsort([X || X <- Xs, X < P]) ++ [P] ++ qsort([X || X <- Xs, X >= P]).
main() ->
  Ps = sieve(lists:seq(2, 100)),
  io:format("~p~n", [Ps]),
  io:format("~p~n", [{length(Ps), lists:sum(Ps), lists:last(Ps)}]),
  io:format("~p~n", [qsort([3,1,4,1,5,9,2,6,5,3,5])]),
  io:format("~p~n", [qsort(["pear", "apple", "fig"])]).
