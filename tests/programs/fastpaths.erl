%% The interpreter's fast paths against their slow paths: small-integer
%% arithmetic that overflows into bignums, guard comparisons on mixed
%% types, `and` in guards, values kept in x registers across calls.
-module(fastpaths).
-export([main/0]).

cmp(A, B) when A < B -> lt;
cmp(A, B) when A == B, A =/= B -> eq_not_exact;
cmp(A, B) when A =:= B -> exact;
cmp(A, B) when A > B, is_integer(A) -> gt_int;
cmp(A, B) when A >= B -> ge;
cmp(_, _) -> other.

ops(A, B) ->
    [safe(fun() -> A + B end), safe(fun() -> A - B end), safe(fun() -> A * B end)].

safe(F) ->
    try F() catch error:R:St -> {R, hd(St)} end.

both(A, B) when is_integer(A) and (B > 2) -> yes;
both(_, _) -> no.

fib(N) when N < 2 -> N;
fib(N) -> fib(N - 1) + fib(N - 2).

sum([], Acc) -> Acc;
sum([H | T], Acc) -> sum(T, Acc + H).

nested(X) -> {X + 1, f(X - 1) + f(X * 2), X}.
f(X) -> X * 3.

main() ->
    Max = 576460752303423487, % 2^59 - 1, the largest small integer
    Min = -576460752303423488,
    io:format("~p~n", [ops(Max, 1)]),
    io:format("~p~n", [ops(Min, 1)]),
    io:format("~p~n", [ops(Max, Max)]),
    io:format("~p~n", [ops(Min, -1)]),
    io:format("~p~n", [ops(1 bsl 70, -(1 bsl 70))]),
    io:format("~p~n", [ops(1.5, 2)]),
    io:format("~p~n", [ops(a, 1)]),
    io:format("~p~n", [[cmp(A, B) || A <- [1, 1.0, a, Max + 1, [x]], B <- [1, 1.0, b, Max, {}]]]),
    io:format("~p~n", [[both(A, B) || A <- [1, x], B <- [3, 1, z]]]),
    io:format("~p~n", [[fib(N) || N <- lists:seq(0, 15)]]),
    io:format("~p~n", [sum(lists:seq(1, 1000), Max)]),
    io:format("~p~n", [nested(7)]),
    try Max + foo of V -> V catch error:R:St -> io:format("~p ~p~n", [R, hd(St)]) end.
