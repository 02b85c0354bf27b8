-module(defun_clauses).
-export([main/0]).
fact(0) -> 1;
fact(N) when N > 0 -> N * fact(N - 1).
classify(X) when is_integer(X), X < 0 -> negative;
classify(0) -> zero;
classify(X) when is_integer(X) -> positive;
classify(X) when is_atom(X) -> atom;
classify(_) -> other.
add(A, B) -> A + B.
same(X, X) -> same;
same(_, _) -> different.
main() ->
  io:format("~p~n", [fact(25)]),
  io:format("~p~n", [lists:map(fun(X) -> classify(X) end, [-3, 0, 7, a, "s"])]),
  io:format("~p~n", [add(2, 3)]),
  io:format("~p~n", [[same(1, 1), same(1, 2)]]),
  io:format("~p~n", [case catch fact(-1) of {'EXIT', {R, _}} -> R end]).
