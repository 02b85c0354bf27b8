%% sets (version 2, maps) and dict: results that do not depend on hash
%% order (lists are sorted before printing), compared with erl.
-module(sets_dict).
-export([main/0]).

t(Name, F) ->
    try F() of
        V -> io:format("~s: ~p~n", [Name, V])
    catch
        C:R -> io:format("~s: ~p:~p~n", [Name, C, R])
    end.

main() ->
    V2 = [{version, 2}],
    S = sets:from_list([3, 1, 2, 1, 3], V2),
    t("v2 print", fun() -> [S, sets:new(V2), sets:add_element(x, sets:new(V2))] end),
    t("v2 ops", fun() -> [sets:size(S), sets:is_element(1, S), sets:is_element(4, S), sets:is_set(S), sets:is_empty(S)] end),
    S2 = sets:from_list([2, 3, 4], V2),
    t("union", fun() -> sets:union(S, S2) end),
    t("intersection", fun() -> [sets:intersection(S, S2), sets:intersection([S, S2, sets:from_list([3], V2)])] end),
    t("subtract", fun() -> sets:subtract(S, S2) end),
    t("disjoint/subset", fun() -> [sets:is_disjoint(S, S2), sets:is_subset(sets:from_list([2], V2), S)] end),
    t("fold", fun() -> lists:sort(sets:fold(fun(E, A) -> [E | A] end, [], S)) end),
    t("filter", fun() -> sets:filter(fun is_integer/1, S) end),
    t("del", fun() -> sets:del_element(2, S) end),
    t("union/1", fun() -> sets:union([S, S2, sets:from_list([9], V2)]) end),
    t("bad opt", fun() -> sets:new([{version, 3}]) end),
    t("v1 api", fun() ->
                         A = sets:from_list([c, a, b]),
                         B = sets:add_element(d, sets:new()),
                         [lists:sort(sets:to_list(A)), sets:size(A), sets:is_element(a, A),
                          lists:sort(sets:to_list(sets:union(A, B))), sets:is_set(A), sets:is_subset(B, A)]
                 end),
    D0 = dict:from_list([{a, 1}, {b, 2}, {c, 3}, {a, 10}]),
    Sorted = fun(D) -> lists:sort(dict:to_list(D)) end,
    t("dict from_list", fun() -> Sorted(D0) end),
    t("dict fetch", fun() -> [dict:fetch(a, D0), dict:find(b, D0), dict:find(z, D0), dict:is_key(c, D0), dict:size(D0)] end),
    t("dict fetch missing", fun() -> dict:fetch(z, D0) end),
    t("dict store/erase", fun() -> [Sorted(dict:store(d, 4, D0)), Sorted(dict:erase(a, D0))] end),
    t("dict append", fun() -> Sorted(dict:append(l, 2, dict:append(l, 1, dict:append_list(m, [x, y], D0)))) end),
    t("dict update", fun() -> [Sorted(dict:update(a, fun(V) -> V + 1 end, D0)), Sorted(dict:update(z, fun(V) -> V end, 0, D0)), Sorted(dict:update_counter(b, 5, D0))] end),
    t("dict update missing", fun() -> dict:update(z, fun(V) -> V end, D0) end),
    t("dict take", fun() -> {V, D1} = dict:take(a, D0), {V, Sorted(D1), dict:take(z, D0)} end),
    t("dict fold", fun() -> lists:sort(dict:fold(fun(K, V, A) -> [{V, K} | A] end, [], D0)) end),
    t("dict map/filter", fun() -> [Sorted(dict:map(fun(_, V) -> V * 2 end, D0)), Sorted(dict:filter(fun(K, _) -> K =/= b end, D0))] end),
    t("dict merge", fun() -> Sorted(dict:merge(fun(_, X, Y) -> X + Y end, D0, dict:from_list([{a, 5}, {q, 1}]))) end),
    t("dict keys", fun() -> lists:sort(dict:fetch_keys(D0)) end),
    t("dict empty", fun() -> [dict:is_empty(dict:new()), dict:size(dict:new())] end),
    ok.
