-module(lang).
-export([main/0]).

%% Comprehensions, funs and closures, case/if/guards, try/catch with the
%% three classes, catch, and the lists functions.

classify(X) when is_integer(X), X < 0 -> negative;
classify(0) -> zero;
classify(X) when is_integer(X) -> positive;
classify(X) when is_atom(X); is_list(X) -> atom_or_list;
classify(_) -> other.

sign(X) ->
    if X > 0 -> plus;
       X < 0 -> minus;
       true -> zero
    end.

kind(T) ->
    case T of
        {point, X, Y} when X =:= Y -> diagonal;
        {point, _, _} -> point;
        [_ | _] -> list;
        _ -> unknown
    end.

adder(N) -> fun(X) -> X + N end.

fact(0) -> 1;
fact(N) when N > 0 -> N * fact(N - 1).

attempt(F) ->
    try F() of
        V -> {ok, V}
    catch
        throw:T -> {thrown, T};
        error:E -> {error, E};
        exit:R -> {exited, R}
    after
        put(cleanup, true)
    end.

main() ->
    io:format("~p~n", [[X * X || X <- lists:seq(1, 10), X rem 2 =:= 0]]),
    io:format("~p~n", [[{X, Y} || X <- [a, b], Y <- [1, 2]]]),
    io:format("~p~n", [[classify(V) || V <- [-3, 0, 7, foo, "s", 1.5]]]),
    io:format("~p~n", [[sign(V) || V <- [5, -5, 0]]]),
    io:format("~p~n", [[kind(V) || V <- [{point, 1, 1}, {point, 1, 2}, [x], 3]]]),
    Add5 = adder(5),
    io:format("~p ~p~n", [Add5(10), (adder(-1))(1)]),
    Compose = fun(F, G) -> fun(X) -> F(G(X)) end end,
    io:format("~p~n", [(Compose(Add5, fun(X) -> X * 2 end))(4)]),
    io:format("~p~n", [fact(20)]),
    Fib = fun Fib(0) -> 0; Fib(1) -> 1; Fib(N) -> Fib(N - 1) + Fib(N - 2) end,
    io:format("~p~n", [Fib(20)]),
    io:format("~p~n", [attempt(fun() -> 42 end)]),
    io:format("~p~n", [attempt(fun() -> throw(ball) end)]),
    io:format("~p~n", [attempt(fun() -> error(oops) end)]),
    io:format("~p~n", [attempt(fun() -> exit(bye) end)]),
    Zero = zero(),
    io:format("~p~n", [attempt(fun() -> 1 div Zero end)]),
    io:format("~p~n", [attempt(fun() -> element(5, one_tuple()) end)]),
    io:format("~p~n", [attempt(fun() -> kind2(Zero) end)]),
    io:format("~p~n", [get(cleanup)]),
    io:format("~p~n", [catch throw(caught)]),
    {'EXIT', {badarith, _}} = catch 1 / Zero,
    io:format("~p~n", [catch exit(gone)]),
    io:format("~p~n", [catch 7]),
    io:format("~p~n", [lists:map(fun(X) -> X + 1 end, [1, 2, 3])]),
    io:format("~p~n", [lists:foldl(fun(X, Acc) -> X + Acc end, 0, [1, 2, 3, 4])]),
    io:format("~p~n", [lists:filter(fun(X) -> X > 2 end, [1, 2, 3, 4, 5])]),
    io:format("~p~n", [lists:seq(5, 1, -1)]),
    io:format("~p~n", [lists:reverse([1, 2, 3])]),
    io:format("~p~n", [lists:sum([1, 2, 3, 4, 5])]),
    io:format("~p~n", [lists:nth(2, [a, b, c])]),
    io:format("~p ~p~n", [lists:member(b, [a, b]), lists:member(z, [a, b])]),
    io:format("~p~n", [lists:sort([3, 1, 2, b, a, {x}, [y], 1.5])]),
    ok.

zero() -> 0.

one_tuple() -> {a}.

kind2(1) -> one.
