%% orddict and ordsets: results and error reasons, compared with erl.
-module(orddict_ordsets).
-export([main/0]).

t(Name, F) ->
    try F() of
        V -> io:format("~s: ~p~n", [Name, V])
    catch
        C:R -> io:format("~s: ~p:~p~n", [Name, C, R])
    end.

main() ->
    D = orddict:from_list([{c, 3}, {a, 1}, {b, 2}, {a, 10}, {1, one}, {1.0, onef}]),
    t("from_list", fun() -> D end),
    t("new/size", fun() -> {orddict:new(), orddict:size(D), orddict:is_empty(D), orddict:is_empty([])} end),
    t("is_key", fun() -> [orddict:is_key(K, D) || K <- [a, z, 1, 1.0, 0]] end),
    t("fetch", fun() -> [orddict:fetch(K, D) || K <- [a, b, 1]] end),
    t("fetch missing", fun() -> orddict:fetch(z, D) end),
    t("find", fun() -> [orddict:find(K, D) || K <- [a, z, 1.0, 0]] end),
    t("fetch_keys", fun() -> orddict:fetch_keys(D) end),
    t("erase", fun() -> [orddict:erase(b, D), orddict:erase(z, D), orddict:erase(1.0, D)] end),
    t("take", fun() -> [orddict:take(b, D), orddict:take(z, D)] end),
    t("store", fun() -> [orddict:store(b, 20, D), orddict:store(bb, 5, D), orddict:store(0, z, D), orddict:store(zz, 0, D)] end),
    t("append", fun() -> orddict:append(x, 1, orddict:append(x, 2, orddict:append_list(a, [5], [{a, [4]}]))) end),
    t("update", fun() -> orddict:update(a, fun(V) -> V * 100 end, D) end),
    t("update missing", fun() -> orddict:update(z, fun(V) -> V end, D) end),
    t("update/4", fun() -> [orddict:update(z, fun(V) -> V end, init, D), orddict:update(a, fun(V) -> -V end, init, D)] end),
    t("update_counter", fun() -> [orddict:update_counter(a, 5, D), orddict:update_counter(q, 5, D)] end),
    t("fold", fun() -> orddict:fold(fun(K, V, A) -> [{V, K} | A] end, [], D) end),
    t("map", fun() -> orddict:map(fun(K, V) -> {K, V} end, D) end),
    t("filter", fun() -> orddict:filter(fun(K, _) -> is_atom(K) end, D) end),
    t("merge", fun() -> orddict:merge(fun(K, A, B) -> {K, A, B} end, [{a, 1}, {c, 3}, {e, 5}], [{b, 2}, {c, 30}, {f, 6}]) end),
    t("to_list", fun() -> orddict:to_list(D) end),
    S = ordsets:from_list([c, a, b, a, 1, 1.0, 2]),
    t("ordsets from_list", fun() -> S end),
    t("ordsets is_set", fun() -> [ordsets:is_set(S), ordsets:is_set([b, a]), ordsets:is_set([a, a]), ordsets:is_set(x), ordsets:is_set([])] end),
    t("ordsets size", fun() -> {ordsets:size(S), ordsets:is_empty(S), ordsets:is_empty(ordsets:new())} end),
    t("is_element", fun() -> [ordsets:is_element(E, S) || E <- [a, z, 1.0, 2.0, 3]] end),
    t("add_element", fun() -> [ordsets:add_element(E, S) || E <- [0, b, bb, z, 1.0]] end),
    t("del_element", fun() -> [ordsets:del_element(E, S) || E <- [0, b, 1.0, z]] end),
    S2 = ordsets:from_list([b, c, d, 2.0, 3]),
    t("union", fun() -> [ordsets:union(S, S2), ordsets:union([S, S2, [e]]), ordsets:union([])] end),
    t("intersection", fun() -> [ordsets:intersection(S, S2), ordsets:intersection([S, S2, [c, d]])] end),
    t("intersection empty list", fun() -> ordsets:intersection([]) end),
    t("is_disjoint", fun() -> [ordsets:is_disjoint(S, S2), ordsets:is_disjoint([a], [b])] end),
    t("subtract", fun() -> [ordsets:subtract(S, S2), ordsets:subtract(S2, S)] end),
    t("is_subset", fun() -> [ordsets:is_subset([a, b], S), ordsets:is_subset([a, z], S), ordsets:is_subset([], [])] end),
    t("fold", fun() -> ordsets:fold(fun(E, A) -> [E | A] end, [], S) end),
    t("filter", fun() -> ordsets:filter(fun is_atom/1, S) end),
    t("to_list", fun() -> ordsets:to_list(S) end),
    ok.
