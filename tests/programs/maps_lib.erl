%% maps: the whole module (native and lib/maps.erl), results and error
%% reasons, compared with erl.
-module(maps_lib).
-export([main/0]).

t(Name, F) ->
    try F() of
        V -> io:format("~s: ~p~n", [Name, V])
    catch
        C:R -> io:format("~s: ~p:~p~n", [Name, C, R])
    end.

main() ->
    M = #{a => 1, b => 2, c => 3},
    t("get", fun() -> [maps:get(a, M), maps:get(z, M, def)] end),
    t("get missing", fun() -> maps:get(z, M) end),
    t("get badmap", fun() -> maps:get(a, x) end),
    t("find", fun() -> [maps:find(a, M), maps:find(z, M)] end),
    t("is_key", fun() -> [maps:is_key(a, M), maps:is_key(z, M)] end),
    t("put/update", fun() -> [maps:put(d, 4, M), maps:update(a, 10, M)] end),
    t("update missing", fun() -> maps:update(z, 1, M) end),
    t("remove/take", fun() -> [maps:remove(a, M), maps:remove(z, M), maps:take(a, M), maps:take(z, M)] end),
    t("keys/values", fun() -> [maps:keys(M), maps:values(M), maps:to_list(M), maps:size(M)] end),
    t("from_list", fun() -> [maps:from_list([{a, 1}, {a, 2}]), maps:from_keys([x, y], 0)] end),
    t("from_list bad", fun() -> maps:from_list([a]) end),
    t("merge", fun() -> maps:merge(M, #{a => 0, z => 26}) end),
    t("merge_with", fun() -> maps:merge_with(fun(_, X, Y) -> X + Y end, M, #{a => 10, z => 26}) end),
    t("with/without", fun() -> [maps:with([a, z], M), maps:without([a, z], M)] end),
    t("fold", fun() -> maps:fold(fun(K, V, A) -> [{K, V} | A] end, [], M) end),
    t("map", fun() -> maps:map(fun(_, V) -> V * 2 end, M) end),
    t("filter", fun() -> maps:filter(fun(_, V) -> V > 1 end, M) end),
    t("filtermap", fun() -> maps:filtermap(fun(a, _) -> false; (b, V) -> {true, -V}; (_, _) -> true end, M) end),
    t("foreach", fun() -> maps:foreach(fun(K, V) -> io:format("~p=~p ", [K, V]) end, M) end),
    t("update_with", fun() -> [maps:update_with(a, fun(V) -> V + 1 end, M), maps:update_with(z, fun(V) -> V end, 0, M)] end),
    t("update_with missing", fun() -> maps:update_with(z, fun(V) -> V end, M) end),
    t("groups_from_list", fun() -> [maps:groups_from_list(fun(X) -> X rem 2 end, [1, 2, 3, 4, 5]), maps:groups_from_list(fun(X) -> X rem 2 end, fun(X) -> X * 10 end, [1, 2, 3])] end),
    t("intersect", fun() -> [maps:intersect(M, #{a => x, z => y}), maps:intersect_with(fun(_, A, B) -> {A, B} end, M, #{b => x})] end),
    t("iterator", fun() -> I = maps:iterator(M), {K1, V1, I2} = maps:next(I), {K2, V2, I3} = maps:next(I2), {_, _, I4} = maps:next(I3), [K1, V1, K2, V2, maps:next(I4)] end),
    t("fold badmap", fun() -> maps:fold(fun(K, V, A) -> [{K, V} | A] end, [], x) end),
    t("map badarg", fun() -> maps:map(x, M) end),
    t("new/size", fun() -> [maps:new(), maps:size(#{})] end),
    t("big", fun() -> B = maps:from_list([{I, I * I} || I <- lists:seq(1, 100)]), [maps:size(B), maps:get(50, B), lists:sum(maps:values(B)), maps:size(maps:filter(fun(K, _) -> K rem 3 =:= 0 end, B))] end),
    ok.
