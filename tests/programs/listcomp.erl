-module(listcomp).
-export([main/0]).
main() ->
    io:format("~p~n", [[{X, Y} || X <- [1, 2, 3], Y <- [a, b]]]),
    io:format("~p~n", [[X || X <- lists:seq(1, 20), X rem 2 =:= 0, X rem 3 =:= 0]]),
    io:format("~p~n", [[{A, B, C} || C <- lists:seq(1, 20), B <- lists:seq(1, C), A <- lists:seq(1, B), A * A + B * B =:= C * C]]),
    io:format("~p~n", [[X || {ok, X} <- [{ok, 1}, error, {ok, 2}, {err, 3}, {ok, 3}]]]),
    io:format("~p~n", [[X || X <- [1, a, "s", 2.0, <<>>], is_number(X)]]),
    io:format("~p~n", [[Y || X <- [[1, 2], [3], []], Y <- X]]),
    io:format("~p~n", [[X * Y || X <- [1, 2, 3], X > 1, Y <- [X, X + 10], Y < 13]]),
    io:format("~p~n", [qsort([3, 1, 4, 1, 5, 9, 2, 6, 5, 3, 5])]),
    io:format("~p~n", [perms([a, b, c])]),
    io:format("~p~n", [[X || X <- [], true]]),
    io:format("~p~n", [[ok || false]]),
    io:format("~p~n", [[ok || true]]),
    Z = 2,
    io:format("~p~n", [[X || {X, Z1} <- [{a, 1}, {b, 2}, {c, 2}], Z1 =:= Z]]),
    io:format("~p~n", [[X || {X, Z} <- [{a, 1}, {b, 2}, {c, 2}]]]),
    io:format("~p~n", [[{I, C} || {I, C} <- lists:zip(lists:seq(1, 3), "xyz")]]),
    io:format("~p~n", [[X || <<X>> <= <<"ab">>, Y <- [1, 2], Y > 1]]),
    io:format("~p~n", [try [X || X <- notalist] catch error:R -> R end]).

qsort([]) -> [];
qsort([P | T]) -> qsort([X || X <- T, X < P]) ++ [P] ++ qsort([X || X <- T, X >= P]).

perms([]) -> [[]];
perms(L) -> [[H | T] || H <- L, T <- perms(L -- [H])].
