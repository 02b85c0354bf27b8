-module(fletrec_mutual).
-export([main/0]).
collatz_steps(Start) -> step(Start, 0).
step(1, Acc) -> Acc;
step(N, Acc) when N rem 2 == 0 -> step(N div 2, Acc + 1);
step(N, Acc) -> step(3 * N + 1, Acc + 1).
down(N, _K) when N =< 0 -> [];
down(N, K) -> [N | down(N - K, K)].
main() ->
  io:format("~p~n", [lists:map(fun collatz_steps/1, [1,2,3,6,7,27])]),
  K = 3,
  io:format("~p~n", [down(10, K)]),
  io:format("~p~n", [lists:map(fun(N) -> down(N, K) end, [1,4,7])]).
