%% lists sorting on bigger pseudo-random inputs: sort/1,2, usort/1,2,
%% keysort, ukeysort, merge and mixed-type term order, compared with erl.
-module(lists_sort).
-export([main/0]).

rand(0, _, Acc) -> Acc;
rand(N, X, Acc) ->
    X1 = (X * 1103515245 + 12345) rem 2147483648,
    rand(N - 1, X1, [X1 rem 1000 | Acc]).

main() ->
    L = rand(2000, 42, []),
    io:format("~w~n", [lists:sublist(lists:sort(L), 30)]),
    io:format("~w~n", [lists:sum(lists:sort(L)) =:= lists:sum(L)]),
    io:format("~w~n", [lists:sublist(lists:usort(L), 30)]),
    io:format("~w~n", [length(lists:usort(L))]),
    io:format("~w~n", [lists:sublist(lists:sort(fun(A, B) -> A >= B end, L), 30)]),
    io:format("~w~n", [lists:sublist(lists:usort(fun(A, B) -> A rem 10 =< B rem 10 end, L), 30)]),
    Pairs = lists:zip(L, lists:seq(1, length(L))),
    io:format("~w~n", [lists:sublist(lists:keysort(1, Pairs), 20)]),
    io:format("~w~n", [lists:sublist(lists:ukeysort(1, Pairs), 20)]),
    io:format("~w~n", [lists:sublist(lists:keysort(2, lists:reverse(Pairs)), 10)]),
    Mixed = [b, 2.0, "s", {1}, 1, [], a, <<"b">>, {0, 1}, 2, 1.0, [a], self() =:= self(), #{a => 1}, 3],
    io:format("~p~n", [lists:sort(Mixed)]),
    io:format("~p~n", [lists:usort(Mixed)]),
    Fl = [float(X) || X <- lists:sublist(L, 50)] ++ lists:sublist(L, 50),
    io:format("~w~n", [lists:sort(Fl)]),
    io:format("~w~n", [lists:usort(Fl)]),
    io:format("~w~n", [lists:merge(lists:sort(lists:sublist(L, 20)), lists:sort(lists:sublist(L, 21, 20)))]),
    io:format("~w~n", [lists:umerge(lists:usort(lists:sublist(L, 20)), lists:usort(lists:sublist(L, 21, 20)))]),
    io:format("~w~n", [lists:sort(lists:sublist(Pairs, 100)) =:= lists:keysort(1, lists:keysort(2, lists:sublist(Pairs, 100)))]),
    ok.
