-module(tailloop).
-export([main/0]).

%% A tail-recursive loop of 100,000,000 iterations that allocates a small
%% tuple every iteration.

loop(0, {A, B}) -> {A, B};
loop(N, {A, B}) -> loop(N - 1, {B, (A + N) rem 1000003}).

main() ->
    io:format("~p~n", [loop(100000000, {0, 1})]).
