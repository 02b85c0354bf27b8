-module(sets_otp).
-export([main/0]).

%% Version 1 sets: representation and hash order as erl's (printed with ~w).
main() ->
    S0 = sets:new(),
    io:format("~w~n", [S0]),
    S1 = sets:from_list([a, b, c, 1, 2.0, "x", {t}, <<"b">>, [], a]),
    io:format("~w~n~w~n", [S1, sets:to_list(S1)]),
    Big = sets:from_list(lists:seq(1, 200)),
    io:format("~w~n", [Big]),
    io:format("~w~n", [sets:to_list(Big)]),
    Odd = sets:filter(fun(X) -> X rem 2 =:= 1 end, Big),
    io:format("~w~n", [Odd]),
    Few = lists:foldl(fun sets:del_element/2, Big, lists:seq(1, 180)),
    io:format("~w~n", [Few]),
    U = sets:union(sets:from_list([x, y, z]), S1),
    io:format("~w~n", [sets:to_list(U)]),
    I = sets:intersection(Big, sets:from_list(lists:seq(190, 260, 5))),
    io:format("~w~n", [sets:to_list(I)]),
    Sub = sets:subtract(sets:from_list(lists:seq(1, 30)), sets:from_list(lists:seq(1, 30, 2))),
    io:format("~w~n", [sets:to_list(Sub)]),
    io:format("~w ~w ~w ~w~n", [sets:is_element(a, S1), sets:is_element(2, S1),
                                sets:is_subset(sets:from_list([a, b]), S1),
                                sets:is_disjoint(S1, sets:from_list([q, r]))]),
    io:format("~w ~w ~w~n", [sets:size(Big), sets:is_set(Big), sets:is_set({set})]),
    io:format("~w~n", [sets:fold(fun(E, Acc) -> [E | Acc] end, [], sets:from_list("hello world"))]),
    V2 = sets:from_list([c, b, a], [{version, 2}]),
    io:format("~w ~w~n", [V2, sets:to_list(sets:union(V2, sets:from_list([d, a])))]),
    io:format("~w~n", [sets:union([sets:from_list([1]), sets:from_list([2]), sets:from_list([3, 1])])]),
    io:format("~w~n", [sets:new([{version, 1}])]),
    %% proplists:get_keys/1 lists a version 1 set.
    io:format("~w~n", [proplists:get_keys([{1, a}, b, {"s", 2}, {{t}, 3}, c, {1.0, x}, b, {<<"k">>}])]).
