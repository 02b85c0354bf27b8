%% array: the {array, Size, Max, Default, Elements} shapes and the API,
%% compared with erl.
-module(array_ops).
-export([main/0]).

t(Name, F) ->
    try F() of
        V -> io:format("~s: ~w~n", [Name, V])
    catch
        C:R -> io:format("~s: ~p:~p~n", [Name, C, R])
    end.

main() ->
    t("new", fun() -> [array:new(), array:new(5), array:new(10), array:new(11), array:new(100), array:new(101), array:new([{default, 0}]), array:new(3, {fixed, false}), array:new({default, x}), array:new([{size, 4}, fixed])] end),
    t("new bad", fun() -> array:new(-1) end),
    t("set", fun() -> [array:set(I, a, array:new()) || I <- [0, 5, 10, 25, 100]] end),
    t("set fixed out", fun() -> array:set(5, x, array:new(3)) end),
    t("set neg", fun() -> array:set(-1, x, array:new()) end),
    t("from_list", fun() -> [array:from_list(lists:seq(1, N)) || N <- [0, 3, 10, 12, 25]] end),
    t("from_list default", fun() -> array:from_list([a], z) end),
    t("resize", fun() -> [array:resize(15, array:from_list([a, b])), array:resize(1, array:from_list(lists:seq(1, 12))), array:resize(array:from_list([a, undefined, b, undefined]))] end),
    t("reset", fun() -> [array:reset(1, array:from_list([a, b, c])), array:reset(7, array:from_list([a]))] end),
    t("reset fixed", fun() -> array:reset(7, array:fix(array:from_list([a]))) end),
    t("fix/relax", fun() -> [array:fix(array:new()), array:relax(array:new(3)), array:is_fix(array:new(3)), array:is_fix(array:new())] end),
    t("from_orddict", fun() -> [array:from_orddict([{0, a}, {12, b}]), array:from_orddict([{3, x}], d)] end),
    t("get", fun() -> A = array:from_list([a, b, c]), [array:get(0, A), array:get(2, A), array:get(50, A), array:get(50, array:new())] end),
    t("get fixed out", fun() -> array:get(5, array:new(3)) end),
    A = array:set(13, x, array:set(2, y, array:new([{default, 0}]))),
    t("A", fun() -> A end),
    t("to_list", fun() -> [array:to_list(A), array:sparse_to_list(A)] end),
    t("orddict", fun() -> [array:to_orddict(array:from_list([a, b])), array:sparse_to_orddict(A)] end),
    t("sizes", fun() -> [array:size(A), array:sparse_size(A), array:default(A), array:is_array(A), array:is_array(x)] end),
    t("map", fun() -> array:map(fun(I, V) -> {I, V} end, array:from_list([a, b, c])) end),
    t("sparse_map", fun() -> array:sparse_map(fun(_, V) -> {V} end, A) end),
    t("folds", fun() -> [array:foldl(fun(I, V, Acc) -> [{I, V} | Acc] end, [], array:from_list([a, b])),
                         array:foldr(fun(I, V, Acc) -> [{I, V} | Acc] end, [], array:from_list([a, b])),
                         array:sparse_foldl(fun(I, V, Acc) -> [{I, V} | Acc] end, [], A),
                         array:sparse_foldr(fun(I, V, Acc) -> [{I, V} | Acc] end, [], A)] end),
    t("big", fun() -> B = array:from_list(lists:seq(1, 150)), [array:get(149, B), array:size(B), element(3, B)] end),
    t("size bad", fun() -> array:size(x) end),
    ok.
