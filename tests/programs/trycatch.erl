-module(trycatch).
-export([main/0]).
main() ->
    [io:format("~p~n", [run(F)]) || F <- [fun() -> ok end,
                                          fun() -> throw(t) end,
                                          fun() -> error(e) end,
                                          fun() -> exit(x) end,
                                          fun() -> error({reason, [1]}, [a1, a2]) end,
                                          fun() -> 1 / zero() end]],
    io:format("~p~n", [of_clause(1)]),
    io:format("~p~n", [of_clause(2)]),
    io:format("~p~n", [try of_clause(3) catch error:{try_clause, V} -> {try_clause, V} end]),
    io:format("~p~n", [after_order()]),
    io:format("~p~n", [nested()]),
    io:format("~p~n", [rethrow()]),
    io:format("~p~n", [stack()]),
    io:format("~p~n", [catch throw(c)]),
    io:format("~p~n", [catch 5]),
    io:format("~p~n", [element(1, catch error(z))]),
    io:format("~p~n", [try try throw(a) after io:format("inner after~n") end catch X -> {caught, X} end]).

zero() -> 0.

run(F) ->
    try F() of
        R -> {returned, R}
    catch
        throw:T -> {throw, T};
        error:E:S -> {error, E, is_list(S)};
        exit:X -> {exit, X}
    after
        io:format("after~n")
    end.

of_clause(N) ->
    try N of
        1 -> one;
        2 -> two
    catch
        _:_ -> never
    end.

after_order() ->
    Self = self(),
    try
        Self ! a,
        throw(b)
    catch
        throw:b -> Self ! c
    after
        Self ! d
    end,
    receive_all([]).

receive_all(Acc) -> receive M -> receive_all([M | Acc]) after 0 -> lists:reverse(Acc) end.

nested() ->
    try
        try error(inner) catch error:inner -> throw(outer) end
    catch
        throw:outer -> nested_ok
    end.

rethrow() ->
    try
        try exit(boom) catch Class:Reason -> erlang:raise(Class, {wrapped, Reason}, []) end
    catch
        exit:W -> W
    end.

stack() ->
    try lists:nth(0, [a]) catch error:R:S -> {R, element(1, hd(S)), element(2, hd(S))} end.
