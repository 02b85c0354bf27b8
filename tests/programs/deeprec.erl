-module(deeprec).
-export([main/0]).

%% Non-tail recursion a million deep.

len([]) -> 0;
len([_ | T]) -> 1 + len(T).

sum(0) -> 0;
sum(N) -> N + sum(N - 1).

build(0) -> [];
build(N) -> [N | build(N - 1)].

main() ->
    L = lists:seq(1, 1000000),
    io:format("~p~n", [len(L)]),
    io:format("~p~n", [sum(1000000)]),
    B = build(1000000),
    io:format("~p ~p~n", [hd(B), lists:last(B)]).
