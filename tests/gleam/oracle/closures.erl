%% The Erlang program equivalent to tests/gleam/run/closures.gleam; its
%% output, run by erl, is closures.expected.
-module(closures).
-export([main/0]).

adder(N) -> fun(X) -> X + N end.
compose(F, G) -> fun(X) -> G(F(X)) end.
apply_n(_, 0, X) -> X;
apply_n(F, N, X) -> apply_n(F, N - 1, F(X)).
between(L, X, H) -> L =< X andalso X =< H.
b(true) -> "True"; b(false) -> "False".

main() ->
    Add5 = adder(5), Times3 = fun(X) -> X * 3 end,
    io:format("~p~n", [Add5(10)]),
    io:format("~p~n", [(compose(Add5, Times3))(1)]),
    io:format("~p~n", [(compose(Times3, Add5))(1)]),
    io:format("~p~n", [apply_n(Times3, 4, 1)]),
    io:format("~s~n", [apply_n(fun(S) -> S ++ "!" end, 3, "hey")]),
    io:format("[~s]~n", [lists:join(", ", [integer_to_list(X) || X <- [5, 10, 15, 25], between(10, X, 20)])]),
    io:format("[~s]~n", [lists:join(", ", [b(between(L, 50, 100)) || L <- [10, 60]])]),
    Ops = [{"double", fun(X) -> X * 2 end}, {"square", fun(X) -> X * X end},
           {"negate", fun(X) -> -X end}, {"plus 7", fun(X) -> X + 7 end}],
    [io:format("~s: ~p~n", [N, F(6)]) || {N, F} <- Ops],
    P = lists:foldl(fun({_, F}, Acc) -> compose(Acc, F) end, fun(X) -> X end, Ops),
    io:format("all: ~p~n", [P(3)]),
    C = lists:foldl(fun(N, Acc) -> [fun() -> N * 100 end | Acc] end, [], [1, 2, 3, 4]),
    io:format("~s~n", [lists:join(",", [integer_to_list(F()) || F <- C])]).
