%% The Erlang program equivalent to tests/gleam/run/big_numbers.gleam
%% (Gleam's Int is Erlang's integer; `/` is div, `%` is rem); its output,
%% run by erl, is big_numbers.expected.
-module(big_numbers).
-export([main/0]).

fact(0) -> 1; fact(N) -> N * fact(N - 1).
pow(_, 0, A) -> A; pow(B, E, A) -> pow(B, E - 1, A * B).
fib(0, A, _) -> A; fib(N, A, B) -> fib(N - 1, B, A + B).

main() ->
    [io:format("~p~n", [fact(N)]) || N <- [20, 21, 30]],
    io:format("~p~n", [pow(2, 64, 1)]),
    io:format("~p~n", [pow(2, 100, 1) - 1]),
    io:format("~p~n", [fib(100, 0, 1)]),
    Big = fact(25),
    io:format("~p~n", [Big div 1000000007]),
    io:format("~p~n", [Big rem 1000000007]),
    io:format("~p~n", [-Big div 7]),
    io:format("~p~n", [-Big rem 7]),
    io:format("~s~n", [integer_to_list(pow(2, 70, 1) + 255, 16)]),
    io:format("~p~n", [length(integer_to_list(Big))]),
    io:format("~s~n", [case pow(3, 50, 1) > pow(2, 79, 1) of true -> "3^50 > 2^79"; false -> "3^50 <= 2^79" end]),
    io:format("~p~n", [abs(-pow(10, 20, 1))]),
    io:format("~p~n", [pow(10, 20, 1) * -3 + 1]).
