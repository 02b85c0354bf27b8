%% Primes three ways: trial division with a comprehension, a quicksort of
%% a scrambled list, and a sieve over a map of crossed-out numbers.
-module(primes).
-export([main/0]).

is_prime(N) when N < 2 -> false;
is_prime(N) -> lists:all(fun(D) -> N rem D =/= 0 end, lists:seq(2, isqrt(N))).

isqrt(N) -> isqrt(N, 1).
isqrt(N, K) when K * K > N -> K - 1;
isqrt(N, K) -> isqrt(N, K + 1).

qsort([]) -> [];
qsort([P | Xs]) -> qsort([X || X <- Xs, X < P]) ++ [P] ++ qsort([X || X <- Xs, X >= P]).

sieve(N) ->
    Crossed = lists:foldl(
                fun(P, Acc) ->
                        case maps:is_key(P, Acc) of
                            true -> Acc;
                            false -> cross(P * P, P, N, Acc)
                        end
                end, #{}, lists:seq(2, isqrt(N))),
    [X || X <- lists:seq(2, N), not maps:is_key(X, Crossed)].

cross(M, _P, N, Acc) when M > N -> Acc;
cross(M, P, N, Acc) -> cross(M + P, P, N, Acc#{M => true}).

main() ->
    Small = [X || X <- lists:seq(1, 50), is_prime(X)],
    io:format("primes below 50: ~w~n", [Small]),
    Scrambled = [(X * 37) rem 101 || X <- lists:seq(1, 100)],
    Sorted = qsort(Scrambled),
    io:format("sorted: first ~w, last ~w, same as lists:sort ~w~n",
              [lists:sublist(Sorted, 5), lists:last(Sorted), Sorted =:= lists:sort(Scrambled)]),
    Primes = sieve(20000),
    io:format("primes up to 20000: ~b, the last ~b~n", [length(Primes), lists:last(Primes)]),
    Twins = [{P, P + 2} || P <- lists:sublist(Primes, 60), lists:member(P + 2, Primes)],
    io:format("twin primes: ~w~n", [lists:sublist(Twins, 8)]).
