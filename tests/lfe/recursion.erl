-module(recursion).
-export([main/0]).
sum_to(0, Acc) -> Acc;
sum_to(N, Acc) -> sum_to(N - 1, Acc + N).
len([]) -> 0;
len([_ | T]) -> 1 + len(T).
qsort([]) -> [];
qsort([P | Xs]) -> qsort([X || X <- Xs, X < P]) ++ [P] ++ qsort([X || X <- Xs, X >= P]).
is_even(0) -> true; is_even(N) -> is_odd(N - 1).
is_odd(0) -> false; is_odd(N) -> is_even(N - 1).
main() ->
  io:format("~p~n", [sum_to(1000000, 0)]),
  io:format("~p~n", [len(lists:seq(1, 100000))]),
  io:format("~p~n", [qsort([3, 1, 4, 1, 5, 9, 2, 6, 5, 3, 5])]),
  io:format("~p~n", [[is_even(1000), is_odd(7)]]).
