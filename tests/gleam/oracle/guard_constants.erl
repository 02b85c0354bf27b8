%% The Erlang program equivalent to tests/gleam/run/guard_constants.gleam;
%% its output, run by erl, is guard_constants.expected.
-module(guard_constants).
-export([main/0]).
-define(LIMIT, 10).
-define(ORIGIN, {0, 0}).
-define(HOME, {point, 1, 2}).
-define(SMALL_PRIMES, [2, 3, 5, 7]).

classify(X) when X > ?LIMIT -> "big";
classify(X) when X == ?LIMIT -> "limit";
classify(X) when X < -?LIMIT; X == 0 -> "tiny";
classify(_) -> "small".

where(Q) when Q =:= ?HOME -> "home";
where(Q) when element(2, Q) =:= element(2, ?HOME) -> "home's column";
where({point, X, Y}) when {X, Y} =:= ?ORIGIN -> "origin";
where(_) -> "away".

prime(N) -> case ?SMALL_PRIMES of [] -> false; _ -> lists:member(N, ?SMALL_PRIMES) end.

main() ->
    [io:format("~s~n", [classify(N)]) || N <- [11, 10, 3, 0, -20]],
    [io:format("~s~n", [where(P)]) || P <- [{point, 1, 2}, {point, 1, 9}, {point, 0, 0}, {point, 5, 5}]],
    T = {3, <<"three">>},
    if element(1, T) > ?LIMIT -> io:format("never~n");
       element(2, T) =:= <<"three">> -> io:format("tuple index in a guard~n");
       true -> io:format("no~n")
    end,
    [io:format("~p~n", [N]) || N <- lists:filter(fun prime/1, [1, 2, 3, 4, 5, 6, 7])],
    ok.
