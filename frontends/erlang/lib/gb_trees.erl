%% gb_trees: Andersson's general balanced trees, with OTP 25's visible
%% representation {Size, Tree}, Tree = nil | {Key, Value, Smaller, Bigger}.
%% Our own code, written from the documented behaviour and the published
%% algorithm; the rebalancing rule is the one that gives erl's trees:
%% an insertion deeper than 2*log2(Size) rebuilds (perfectly balanced) the
%% lowest subtree on its path whose 2^height exceeds its size squared.
-module(gb_trees).
-export([empty/0, is_empty/1, size/1, lookup/2, is_defined/2, get/2,
         update/3, insert/3, enter/3, balance/1, from_orddict/1,
         delete_any/2, delete/2, take_any/2, take/2, take_smallest/1,
         smallest/1, take_largest/1, largest/1, to_list/1, keys/1,
         values/1, iterator/1, iterator_from/2, next/1, map/2]).

empty() -> {0, nil}.

is_empty({0, nil}) -> true;
is_empty(_) -> false.

size({Size, _}) when is_integer(Size), Size >= 0 -> Size.

lookup(Key, {_, T}) -> lookup_1(Key, T).

lookup_1(Key, {K, _, Smaller, _}) when Key < K -> lookup_1(Key, Smaller);
lookup_1(Key, {K, _, _, Bigger}) when Key > K -> lookup_1(Key, Bigger);
lookup_1(_, {_, V, _, _}) -> {value, V};
lookup_1(_, nil) -> none.

is_defined(Key, {_, T}) -> lookup_1(Key, T) =/= none.

get(Key, {_, T}) -> get_1(Key, T).

get_1(Key, {K, _, Smaller, _}) when Key < K -> get_1(Key, Smaller);
get_1(Key, {K, _, _, Bigger}) when Key > K -> get_1(Key, Bigger);
get_1(_, {_, V, _, _}) -> V.

update(Key, Val, {S, T}) -> {S, update_1(Key, Val, T)}.

update_1(Key, Val, {K, V, Smaller, Bigger}) when Key < K ->
    {K, V, update_1(Key, Val, Smaller), Bigger};
update_1(Key, Val, {K, V, Smaller, Bigger}) when Key > K ->
    {K, V, Smaller, update_1(Key, Val, Bigger)};
update_1(Key, Val, {_, _, Smaller, Bigger}) ->
    {Key, Val, Smaller, Bigger}.

insert(Key, Val, {S, T}) when is_integer(S) ->
    S1 = S + 1,
    {S1, ins(Key, Val, T, S1 * S1)}.

%% ins/4 returns the new subtree (a 4-tuple), or {Tree, H, Size} (a
%% 3-tuple) while the path is too deep and no subtree on it has been
%% rebuilt yet. Budget halves at
%% each level; reaching nil with budget 0 means "too deep".
ins(Key, Val, {K, V, Smaller, Bigger}, B) when Key < K ->
    case ins(Key, Val, Smaller, B bsr 1) of
        {T1, H1, S1} ->
            climb({K, V, T1, Bigger}, H1, S1, Bigger);
        T1 -> {K, V, T1, Bigger}
    end;
ins(Key, Val, {K, V, Smaller, Bigger}, B) when Key > K ->
    case ins(Key, Val, Bigger, B bsr 1) of
        {T1, H1, S1} ->
            climb({K, V, Smaller, T1}, H1, S1, Smaller);
        T1 -> {K, V, Smaller, T1}
    end;
ins(Key, Val, nil, 0) -> {{Key, Val, nil, nil}, 1, 1};
ins(Key, Val, nil, _) -> {Key, Val, nil, nil};
ins(Key, _, _, _) -> erlang:error({key_exists, Key}).

climb(T, H1, S1, Sibling) ->
    {H2, S2} = count(Sibling),
    H = 2 * max(H1, H2),
    SS = S1 + S2 + 1,
    case H > SS * SS of
        true -> balance(T, SS);
        false -> {T, H, SS}
    end.

count({_, _, nil, nil}) -> {1, 1};
count({_, _, Sm, Bi}) ->
    {H1, S1} = count(Sm),
    {H2, S2} = count(Bi),
    {2 * max(H1, H2), S1 + S2 + 1};
count(nil) -> {1, 0}.

enter(Key, Val, T) ->
    case is_defined(Key, T) of
        true -> update(Key, Val, T);
        false -> insert(Key, Val, T)
    end.

balance({S, T}) -> {S, balance(T, S)}.

balance(T, S) -> build(to_list_1(T), S).

%% A perfectly balanced tree of the first S pairs: the smaller side gets
%% the extra element.
build(L, S) ->
    {T, _} = build_1(L, S),
    T.

build_1(L, S) when S > 1 ->
    Sm = S - 1,
    S2 = Sm div 2,
    S1 = Sm - S2,
    {T1, [{K, V} | L1]} = build_1(L, S1),
    {T2, L2} = build_1(L1, S2),
    {{K, V, T1, T2}, L2};
build_1([{K, V} | L], 1) -> {{K, V, nil, nil}, L};
build_1(L, 0) -> {nil, L}.

from_orddict(L) ->
    S = length(L),
    {S, build(L, S)}.

delete_any(Key, T) ->
    case is_defined(Key, T) of
        true -> delete(Key, T);
        false -> T
    end.

delete(Key, {S, T}) when is_integer(S), S >= 0 -> {S - 1, delete_1(Key, T)}.

delete_1(Key, {K, V, Smaller, Larger}) when Key < K ->
    {K, V, delete_1(Key, Smaller), Larger};
delete_1(Key, {K, V, Smaller, Larger}) when Key > K ->
    {K, V, Smaller, delete_1(Key, Larger)};
delete_1(_, {_, _, Smaller, Larger}) -> join(Smaller, Larger).

join(Smaller, nil) -> Smaller;
join(nil, Larger) -> Larger;
join(Smaller, Larger) ->
    {K, V, Larger1} = take_smallest1(Larger),
    {K, V, Smaller, Larger1}.

take_any(Key, T) ->
    case is_defined(Key, T) of
        true -> take(Key, T);
        false -> error
    end.

take(Key, {S, T}) when is_integer(S), S >= 0 ->
    {V, T1} = take_1(Key, T),
    {V, {S - 1, T1}}.

take_1(Key, {K, V, Smaller, Larger}) when Key < K ->
    {V1, Smaller1} = take_1(Key, Smaller),
    {V1, {K, V, Smaller1, Larger}};
take_1(Key, {K, V, Smaller, Larger}) when Key > K ->
    {V1, Larger1} = take_1(Key, Larger),
    {V1, {K, V, Smaller, Larger1}};
take_1(_, {_, V, Smaller, Larger}) -> {V, join(Smaller, Larger)}.

take_smallest({S, T}) ->
    {K, V, T1} = take_smallest1(T),
    {K, V, {S - 1, T1}}.

take_smallest1({K, V, nil, Larger}) -> {K, V, Larger};
take_smallest1({K, V, Smaller, Larger}) ->
    {K1, V1, Smaller1} = take_smallest1(Smaller),
    {K1, V1, {K, V, Smaller1, Larger}}.

smallest({_, T}) -> smallest_1(T).

smallest_1({K, V, nil, _}) -> {K, V};
smallest_1({_, _, Smaller, _}) -> smallest_1(Smaller).

take_largest({S, T}) ->
    {K, V, T1} = take_largest1(T),
    {K, V, {S - 1, T1}}.

take_largest1({K, V, Smaller, nil}) -> {K, V, Smaller};
take_largest1({K, V, Smaller, Larger}) ->
    {K1, V1, Larger1} = take_largest1(Larger),
    {K1, V1, {K, V, Smaller, Larger1}}.

largest({_, T}) -> largest_1(T).

largest_1({K, V, _, nil}) -> {K, V};
largest_1({_, _, _, Larger}) -> largest_1(Larger).

to_list({_, T}) -> to_list_1(T).

to_list_1(T) -> to_list(T, []).

to_list({K, V, Small, Big}, L) -> to_list(Small, [{K, V} | to_list(Big, L)]);
to_list(nil, L) -> L.

keys({_, T}) -> keys(T, []).

keys({K, _, Small, Big}, L) -> keys(Small, [K | keys(Big, L)]);
keys(nil, L) -> L.

values({_, T}) -> values(T, []).

values({_, V, Small, Big}, L) -> values(Small, [V | values(Big, L)]);
values(nil, L) -> L.

%% An iterator is the stack of nodes still to visit (their left parts done).
iterator({_, T}) -> iter(T, []).

iter({_, _, nil, _} = T, As) -> [T | As];
iter({_, _, L, _} = T, As) -> iter(L, [T | As]);
iter(nil, As) -> As.

iterator_from(Key, {_, T}) -> iter_from(Key, T, []).

iter_from(Key, {K, _, _, T}, As) when K < Key -> iter_from(Key, T, As);
iter_from(Key, {K, _, L, _} = T, As) when K > Key -> iter_from(Key, L, [T | As]);
iter_from(_, {_, _, _, _} = T, As) -> [T | As];
iter_from(_, nil, As) -> As.

next([{K, V, _, T} | As]) -> {K, V, iter(T, As)};
next([]) -> none.

map(F, {Size, T}) when is_function(F, 2) -> {Size, map_1(F, T)}.

map_1(F, {K, V, Smaller, Larger}) -> {K, F(K, V), map_1(F, Smaller), map_1(F, Larger)};
map_1(_, nil) -> nil.
