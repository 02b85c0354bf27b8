%% gb_sets: shapes after inserts and set operations, plus the API,
%% compared with erl.
-module(gb_sets_ops).
-export([main/0]).

t(Name, F) ->
    try F() of
        V -> io:format("~s: ~w~n", [Name, V])
    catch
        C:R -> io:format("~s: ~p:~p~n", [Name, C, R])
    end.

scramble(N) -> [(I * 7919) rem N + 1 || I <- lists:seq(1, N)].

build(Keys) -> lists:foldl(fun gb_sets:insert/2, gb_sets:new(), Keys).

main() ->
    [t("ascending " ++ integer_to_list(N), fun() -> build(lists:seq(1, N)) end) || N <- [1, 3, 5, 8, 16, 21]],
    [t("scrambled " ++ integer_to_list(N), fun() -> build(scramble(N)) end) || N <- [10, 30]],
    t("from_list", fun() -> [gb_sets:from_list([3, 1, 2, 5, 4]), gb_sets:from_list([]), gb_sets:from_list([b, a, b])] end),
    S = gb_sets:from_list(lists:seq(1, 10)),
    S2 = gb_sets:from_list([5, 7, 11, 12]),
    Big = gb_sets:from_list(lists:seq(1, 200, 3)),
    t("union small", fun() -> gb_sets:union(S, S2) end),
    t("union big", fun() -> gb_sets:union(Big, gb_sets:from_list([2, 3, 1000])) end),
    t("union mid", fun() -> gb_sets:union(gb_sets:from_list(lists:seq(1, 40)), gb_sets:from_list(lists:seq(30, 60))) end),
    t("union/1", fun() -> gb_sets:union([S, S2, gb_sets:singleton(0)]) end),
    t("intersection", fun() -> [gb_sets:intersection(S, S2), gb_sets:intersection(Big, S)] end),
    t("intersection/1", fun() -> gb_sets:intersection([S, S2, gb_sets:from_list([7])]) end),
    t("difference", fun() -> [gb_sets:difference(S, S2), gb_sets:subtract(S2, S)] end),
    t("is_disjoint", fun() -> [gb_sets:is_disjoint(S, S2), gb_sets:is_disjoint(S, gb_sets:from_list([20]))] end),
    t("is_subset", fun() -> [gb_sets:is_subset(gb_sets:from_list([1, 2]), S), gb_sets:is_subset(S2, S)] end),
    t("members", fun() -> [gb_sets:is_member(3, S), gb_sets:is_element(30, S), gb_sets:is_member(3.0, S)] end),
    t("add", fun() -> [gb_sets:add(3, S), gb_sets:add_element(11, S)] end),
    t("insert existing", fun() -> gb_sets:insert(3, S) end),
    t("delete", fun() -> [gb_sets:delete(5, S), gb_sets:del_element(50, S), gb_sets:delete_any(1, S)] end),
    t("delete missing", fun() -> gb_sets:delete(50, S) end),
    t("take", fun() -> [gb_sets:take_smallest(S), gb_sets:take_largest(S)] end),
    t("smallest", fun() -> {gb_sets:smallest(S), gb_sets:largest(S)} end),
    t("filter", fun() -> gb_sets:filter(fun(X) -> X rem 2 =:= 0 end, S) end),
    t("fold", fun() -> gb_sets:fold(fun(X, A) -> [X | A] end, [], S) end),
    t("is_set", fun() -> [gb_sets:is_set(S), gb_sets:is_set(gb_sets:empty()), gb_sets:is_set(x)] end),
    t("balance", fun() -> gb_sets:balance(build(lists:seq(1, 9))) end),
    t("size", fun() -> {gb_sets:size(S), gb_sets:is_empty(S), gb_sets:is_empty(gb_sets:new())} end),
    t("iterator_from", fun() -> iter(gb_sets:iterator_from(4, S)) end),
    t("to_list", fun() -> gb_sets:to_list(Big) end),
    ok.

iter(I) ->
    case gb_sets:next(I) of
        none -> [];
        {K, I1} -> [K | iter(I1)]
    end.
