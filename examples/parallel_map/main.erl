%% A parallel map: one process per element, results collected in the
%% original order by matching on each worker's reference.
-module(parallel_map).
-export([main/0]).

pmap(F, Xs) ->
    Parent = self(),
    Refs = [begin
                Ref = make_ref(),
                spawn(fun() -> Parent ! {Ref, F(X)} end),
                Ref
            end || X <- Xs],
    [receive {Ref, Y} -> Y end || Ref <- Refs].

%% Steps for the Collatz sequence from N to reach 1.
collatz(1) -> 0;
collatz(N) when N rem 2 =:= 0 -> 1 + collatz(N div 2);
collatz(N) -> 1 + collatz(3 * N + 1).

main() ->
    Ns = lists:seq(1, 2000),
    Steps = pmap(fun collatz/1, Ns),
    io:format("first ten: ~w~n", [lists:sublist(Steps, 10)]),
    io:format("total steps: ~b~n", [lists:sum(Steps)]),
    {Max, At} = lists:max(lists:zip(Steps, Ns)),
    io:format("longest: ~b steps from ~b~n", [Max, At]),
    Squares = pmap(fun(X) -> X * X end, lists:seq(1, 5)),
    io:format("squares: ~w, sum ~b~n", [Squares, lists:sum(Squares)]).
