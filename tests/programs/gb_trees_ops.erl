%% gb_trees: the {Size, Tree} shapes after inserts (ascending, descending,
%% scrambled), deletes and rebalancing, plus the API, compared with erl.
-module(gb_trees_ops).
-export([main/0]).

t(Name, F) ->
    try F() of
        V -> io:format("~s: ~w~n", [Name, V])
    catch
        C:R -> io:format("~s: ~p:~p~n", [Name, C, R])
    end.

%% A deterministic scramble of 1..N.
scramble(N) -> [(I * 7919) rem N + 1 || I <- lists:seq(1, N)].

build(Keys) -> lists:foldl(fun(K, T) -> gb_trees:insert(K, K * 10, T) end, gb_trees:empty(), Keys).

main() ->
    [t("ascending " ++ integer_to_list(N), fun() -> build(lists:seq(1, N)) end) || N <- [1, 2, 3, 4, 5, 7, 8, 15, 16, 20, 33]],
    [t("descending " ++ integer_to_list(N), fun() -> build(lists:reverse(lists:seq(1, N))) end) || N <- [3, 5, 9, 17, 30]],
    [t("scrambled " ++ integer_to_list(N), fun() -> build(scramble(N)) end) || N <- [10, 25, 50]],
    T = build(scramble(25)),
    t("steps", fun() -> lists:foldl(fun(K, {Acc, Tr}) -> Tr1 = gb_trees:insert(K, x, Tr), {[Tr1 | Acc], Tr1} end, {[], gb_trees:empty()}, lists:seq(1, 9)) end),
    t("lookup", fun() -> [gb_trees:lookup(K, T) || K <- [1, 13, 25, 26, 0, 13.0]] end),
    t("get", fun() -> gb_trees:get(7, T) end),
    t("get missing", fun() -> gb_trees:get(99, T) end),
    t("is_defined", fun() -> [gb_trees:is_defined(K, T) || K <- [1, 99]] end),
    t("insert existing", fun() -> gb_trees:insert(5, y, T) end),
    t("update", fun() -> gb_trees:update(5, new, build([3, 5, 1])) end),
    t("update missing", fun() -> gb_trees:update(9, new, build([3, 5, 1])) end),
    t("enter", fun() -> [gb_trees:enter(5, new, build([3, 5, 1])), gb_trees:enter(6, new, build([3, 5, 1]))] end),
    t("delete", fun() -> [gb_trees:delete(K, build(lists:seq(1, 7))) || K <- [1, 4, 7, 2]] end),
    t("delete missing", fun() -> gb_trees:delete(99, T) end),
    t("delete_any", fun() -> gb_trees:delete_any(99, build([1, 2])) end),
    t("take", fun() -> [gb_trees:take(4, build(lists:seq(1, 7))), gb_trees:take_any(9, build([1]))] end),
    t("take_smallest", fun() -> gb_trees:take_smallest(build(lists:seq(1, 5))) end),
    t("take_largest", fun() -> gb_trees:take_largest(build(lists:seq(1, 5))) end),
    t("smallest/largest", fun() -> {gb_trees:smallest(T), gb_trees:largest(T)} end),
    t("take_smallest empty", fun() -> gb_trees:take_smallest(gb_trees:empty()) end),
    t("to_list", fun() -> gb_trees:to_list(T) end),
    t("keys/values", fun() -> {gb_trees:keys(T), gb_trees:values(build([2, 1, 3]))} end),
    t("size", fun() -> {gb_trees:size(T), gb_trees:is_empty(T), gb_trees:is_empty(gb_trees:empty())} end),
    t("balance", fun() -> gb_trees:balance(build(lists:seq(1, 12))) end),
    t("from_orddict", fun() -> [gb_trees:from_orddict([{K, K} || K <- lists:seq(1, N)]) || N <- [0, 1, 2, 3, 6, 10]] end),
    t("map", fun() -> gb_trees:map(fun(K, V) -> K + V end, build([2, 1, 3])) end),
    t("iterator", fun() -> I = gb_trees:iterator(build(lists:seq(1, 6))), iter(I) end),
    t("iterator_from", fun() -> [iter(gb_trees:iterator_from(K, T)) || K <- [0, 10, 25, 30]] end),
    t("iterator shape", fun() -> gb_trees:iterator(build(lists:seq(1, 4))) end),
    t("delete all", fun() -> lists:foldl(fun(K, Tr) -> gb_trees:delete(K, Tr) end, T, scramble(25)) end),
    ok.

iter(I) ->
    case gb_trees:next(I) of
        none -> [];
        {K, _, I1} -> [K | iter(I1)]
    end.
