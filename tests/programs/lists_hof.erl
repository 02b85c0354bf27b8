-module(lists_hof).
-export([main/0]).
main() ->
    L = lists:seq(1, 10),
    io:format("~p~n", [lists:foldl(fun(X, A) -> [X * X | A] end, [], L)]),
    io:format("~p~n", [lists:foldr(fun(X, A) -> [X | A] end, [end_], [a, b])]),
    io:format("~p~n", [lists:mapfoldl(fun(X, S) -> {X * 2, S + X} end, 0, L)]),
    io:format("~p~n", [lists:mapfoldr(fun(X, S) -> {{X, S}, S + 1} end, 0, [a, b, c])]),
    io:format("~p~n", [lists:filtermap(fun(X) when X rem 3 =:= 0 -> {true, X div 3}; (X) -> X rem 5 =:= 0 end, L)]),
    io:format("~p~n", [lists:partition(fun(X) -> X > 4 end, L)]),
    io:format("~p~n", [lists:splitwith(fun(X) -> X < 4 end, L)]),
    io:format("~p~n", [{lists:takewhile(fun(X) -> X < 3 end, L), lists:dropwhile(fun(X) -> X < 8 end, L)}]),
    io:format("~p~n", [{lists:all(fun is_integer/1, L), lists:any(fun(X) -> X > 9 end, L)}]),
    io:format("~p~n", [lists:flatmap(fun(X) -> [X, -X] end, [1, 2])]),
    io:format("~p~n", [lists:zipwith(fun(A, B) -> A * B end, [1, 2, 3], [4, 5, 6])]),
    io:format("~p~n", [lists:zipwith3(fun(A, B, C) -> A + B + C end, [1], [2], [3])]),
    io:format("~p~n", [lists:keysort(2, [{a, 3}, {b, 1}, {c, 2}])]),
    io:format("~p~n", [lists:ukeymerge(1, [{1, a}, {3, c}], [{1, x}, {2, b}])]),
    io:format("~p~n", [lists:foldl(fun(X, {Min, Max}) -> {min(X, Min), max(X, Max)} end, {100, -100}, [5, -3, 42, 7])]),
    lists:foreach(fun({K, V}) -> io:format("~p=~p ", [K, V]) end, [{a, 1}, {b, 2}]),
    io:format("~n~p~n", [lists:sort(fun({_, A}, {_, B}) -> A =< B end, [{x, 2}, {y, 1}, {z, 2}, {w, 1}])]),
    io:format("~p~n", [lists:search(fun(X) -> X > 3 end, L)]),
    io:format("~p~n", [lists:uniq([3, 1, 3, 2, 1])]),
    io:format("~p~n", [try lists:foldl(fun(_, _) -> error(stop) end, 0, [1]) catch error:stop -> stopped end]).
