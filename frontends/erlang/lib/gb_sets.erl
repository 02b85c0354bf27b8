%% gb_sets: general balanced trees of elements, OTP 25's representation
%% {Size, Tree}, Tree = nil | {Element, Smaller, Bigger}, balanced with the
%% same rule as gb_trees (see there). Our own code. Set operations rebuild
%% their result from a merged list (balanced with the larger half on the
%% bigger side, as erl's list-based paths do); union/2 of a small set into
%% a much larger one inserts element by element, as erl does.
-module(gb_sets).
-export([empty/0, new/0, is_empty/1, size/1, singleton/1, is_member/2,
         is_element/2, insert/2, add/2, add_element/2, balance/1,
         from_list/1, from_ordset/1, del_element/2, delete_any/2, delete/2,
         take_smallest/1, smallest/1, take_largest/1, largest/1, to_list/1,
         iterator/1, iterator_from/2, next/1, union/2, union/1,
         intersection/2, intersection/1, is_disjoint/2, difference/2,
         subtract/2, is_subset/2, is_set/1, filter/2, fold/3]).

empty() -> {0, nil}.
new() -> empty().

is_empty({0, nil}) -> true;
is_empty(_) -> false.

size({Size, _}) -> Size.

singleton(Key) -> {1, {Key, nil, nil}}.

is_element(Key, S) -> is_member(Key, S).

is_member(Key, {_, T}) -> is_member_1(Key, T).

is_member_1(Key, {Key1, Smaller, _}) when Key < Key1 -> is_member_1(Key, Smaller);
is_member_1(Key, {Key1, _, Bigger}) when Key > Key1 -> is_member_1(Key, Bigger);
is_member_1(_, {_, _, _}) -> true;
is_member_1(_, nil) -> false.

insert(Key, {S, T}) ->
    S1 = S + 1,
    {S1, ins(Key, T, S1 * S1)}.

%% As gb_trees: a 3-tuple {Tree, H, Size} travels up while too deep.
ins(Key, {Key1, Smaller, Bigger}, B) when Key < Key1 ->
    case ins(Key, Smaller, B bsr 1) of
        {T1, H1, S1} when is_integer(H1) -> climb({Key1, T1, Bigger}, H1, S1, Bigger);
        T1 -> {Key1, T1, Bigger}
    end;
ins(Key, {Key1, Smaller, Bigger}, B) when Key > Key1 ->
    case ins(Key, Bigger, B bsr 1) of
        {T1, H1, S1} when is_integer(H1) -> climb({Key1, Smaller, T1}, H1, S1, Smaller);
        T1 -> {Key1, Smaller, T1}
    end;
ins(Key, nil, 0) -> {{Key, nil, nil}, 1, 1};
ins(Key, nil, _) -> {Key, nil, nil};
ins(Key, _, _) -> erlang:error({key_exists, Key}).

climb(T, H1, S1, Sibling) ->
    {H2, S2} = count(Sibling),
    H = 2 * max(H1, H2),
    SS = S1 + S2 + 1,
    case H > SS * SS of
        true -> balance(T, SS);
        false -> {T, H, SS}
    end.

count({_, nil, nil}) -> {1, 1};
count({_, Sm, Bi}) ->
    {H1, S1} = count(Sm),
    {H2, S2} = count(Bi),
    {2 * max(H1, H2), S1 + S2 + 1};
count(nil) -> {1, 0}.

add(X, S) -> add_element(X, S).

add_element(X, S) ->
    case is_member(X, S) of
        true -> S;
        false -> insert(X, S)
    end.

balance({S, T}) -> {S, balance(T, S)}.

balance(T, S) -> build(to_list_1(T), S).

build(L, S) ->
    {T, _} = build_1(L, S),
    T.

build_1(L, S) when S > 1 ->
    Sm = S - 1,
    S2 = Sm div 2,
    S1 = Sm - S2,
    {T1, [K | L1]} = build_1(L, S1),
    {T2, L2} = build_1(L1, S2),
    {{K, T1, T2}, L2};
build_1([K | L], 1) -> {{K, nil, nil}, L};
build_1(L, 0) -> {nil, L}.

%% From a list in descending order: the bigger side gets the extra element.
build_rev(L, S) ->
    {T, _} = build_rev_1(L, S),
    T.

build_rev_1(L, S) when S > 1 ->
    Sm = S - 1,
    S2 = Sm div 2,
    S1 = Sm - S2,
    {T2, [K | L1]} = build_rev_1(L, S1),
    {T1, L2} = build_rev_1(L1, S2),
    {{K, T1, T2}, L2};
build_rev_1([K | L], 1) -> {{K, nil, nil}, L};
build_rev_1(L, 0) -> {nil, L}.

from_list(L) -> from_ordset(lists:usort(L)).

from_ordset(L) ->
    S = length(L),
    {S, build(L, S)}.

del_element(Key, S) -> delete_any(Key, S).

delete_any(Key, S) ->
    case is_member(Key, S) of
        true -> delete(Key, S);
        false -> S
    end.

delete(Key, {S, T}) -> {S - 1, delete_1(Key, T)}.

delete_1(Key, {Key1, Smaller, Larger}) when Key < Key1 ->
    {Key1, delete_1(Key, Smaller), Larger};
delete_1(Key, {Key1, Smaller, Bigger}) when Key > Key1 ->
    {Key1, Smaller, delete_1(Key, Bigger)};
delete_1(_, {_, Smaller, Larger}) -> join(Smaller, Larger).

join(Smaller, nil) -> Smaller;
join(nil, Larger) -> Larger;
join(Smaller, Larger) ->
    {Key, Larger1} = take_smallest1(Larger),
    {Key, Smaller, Larger1}.

take_smallest({S, T}) ->
    {Key, T1} = take_smallest1(T),
    {Key, {S - 1, T1}}.

take_smallest1({Key, nil, Larger}) -> {Key, Larger};
take_smallest1({Key, Smaller, Larger}) ->
    {Key1, Smaller1} = take_smallest1(Smaller),
    {Key1, {Key, Smaller1, Larger}}.

smallest({_, T}) -> smallest_1(T).

smallest_1({Key, nil, _}) -> Key;
smallest_1({_, Smaller, _}) -> smallest_1(Smaller).

take_largest({S, T}) ->
    {Key, T1} = take_largest1(T),
    {Key, {S - 1, T1}}.

take_largest1({Key, Smaller, nil}) -> {Key, Smaller};
take_largest1({Key, Smaller, Larger}) ->
    {Key1, Larger1} = take_largest1(Larger),
    {Key1, {Key, Smaller, Larger1}}.

largest({_, T}) -> largest_1(T).

largest_1({Key, _, nil}) -> Key;
largest_1({_, _, Larger}) -> largest_1(Larger).

to_list({_, T}) -> to_list_1(T).

to_list_1(T) -> to_list(T, []).

to_list({Key, Small, Big}, L) -> to_list(Small, [Key | to_list(Big, L)]);
to_list(nil, L) -> L.

iterator({_, T}) -> iter(T, []).

iter({_, nil, _} = T, As) -> [T | As];
iter({_, L, _} = T, As) -> iter(L, [T | As]);
iter(nil, As) -> As.

iterator_from(Key, {_, T}) -> iter_from(Key, T, []).

iter_from(Key, {K, _, T}, As) when K < Key -> iter_from(Key, T, As);
iter_from(Key, {K, L, _} = T, As) when K > Key -> iter_from(Key, L, [T | As]);
iter_from(_, {_, _, _} = T, As) -> [T | As];
iter_from(_, nil, As) -> As.

next([{X, _, T} | As]) -> {X, iter(T, As)};
next([]) -> none.

%% union/2: the smaller set's list is merged with the larger's, or, when
%% the larger set is big enough, inserted into it element by element.
union({N1, T1}, {N2, T2}) when N2 < N1 -> union(to_list_1(T2), N2, T1, N1);
union({N1, T1}, {N2, T2}) -> union(to_list_1(T1), N1, T2, N2).

union(L, N1, T2, N2) when N2 < 10 -> union_merge(L, to_list_1(T2), N1 + N2);
union(L, N1, T2, N2) ->
    X = N1 * round(1.46 * math:log(N2)),
    if
        N2 < X -> union_merge(L, to_list_1(T2), N1 + N2);
        true -> lists:foldl(fun add/2, {N2, T2}, L)
    end.

union_merge(L1, L2, _) ->
    R = merge_union(L1, L2, []),
    N = length(R),
    {N, build_rev(R, N)}.

%% Both ascending; the result descending, without duplicates (the first
%% list's element is kept).
merge_union([X | Xs], [Y | _] = Ys, Acc) when X < Y -> merge_union(Xs, Ys, [X | Acc]);
merge_union([X | _] = Xs, [Y | Ys], Acc) when X > Y -> merge_union(Xs, Ys, [Y | Acc]);
merge_union([X | Xs], [_ | Ys], Acc) -> merge_union(Xs, Ys, [X | Acc]);
merge_union([], Ys, Acc) -> lists:reverse(Ys, Acc);
merge_union(Xs, [], Acc) -> lists:reverse(Xs, Acc).

union([S | Ss]) -> lists:foldl(fun(S1, Acc) -> union(Acc, S1) end, S, Ss);
union([]) -> empty().

intersection({N1, T1}, {N2, T2}) when N2 < N1 -> intersection_l(to_list_1(T2), to_list_1(T1));
intersection({_, T1}, {_, T2}) -> intersection_l(to_list_1(T1), to_list_1(T2)).

intersection_l(L1, L2) ->
    R = merge_inter(L1, L2, []),
    N = length(R),
    {N, build_rev(R, N)}.

merge_inter([X | Xs], [Y | _] = Ys, Acc) when X < Y -> merge_inter(Xs, Ys, Acc);
merge_inter([X | _] = Xs, [Y | Ys], Acc) when X > Y -> merge_inter(Xs, Ys, Acc);
merge_inter([X | Xs], [_ | Ys], Acc) -> merge_inter(Xs, Ys, [X | Acc]);
merge_inter(_, _, Acc) -> Acc.

intersection([S | Ss]) -> lists:foldl(fun(S1, Acc) -> intersection(Acc, S1) end, S, Ss).

is_disjoint(S1, S2) -> size(intersection(S1, S2)) =:= 0.

subtract(S1, S2) -> difference(S1, S2).

difference({_, T1}, {_, T2}) ->
    R = merge_diff(to_list_1(T1), to_list_1(T2), []),
    N = length(R),
    {N, build_rev(R, N)}.

merge_diff([X | Xs], [Y | _] = Ys, Acc) when X < Y -> merge_diff(Xs, Ys, [X | Acc]);
merge_diff([X | _] = Xs, [Y | Ys], Acc) when X > Y -> merge_diff(Xs, Ys, Acc);
merge_diff([_ | Xs], [_ | Ys], Acc) -> merge_diff(Xs, Ys, Acc);
merge_diff(Xs, [], Acc) -> lists:reverse(Xs, Acc);
merge_diff([], _, Acc) -> Acc.

is_subset(S1, S2) -> lists:all(fun(X) -> is_member(X, S2) end, to_list(S1)).

is_set({0, nil}) -> true;
is_set({N, {_, _, _}}) when is_integer(N), N >= 0 -> true;
is_set(_) -> false.

filter(F, S) -> from_ordset([X || X <- to_list(S), F(X)]).

fold(F, A, {_, T}) when is_function(F, 2) -> fold_1(F, A, T).

fold_1(F, Acc0, {Key, Small, Big}) ->
    Acc1 = fold_1(F, Acc0, Small),
    Acc = F(Key, Acc1),
    fold_1(F, Acc, Big);
fold_1(_, Acc, _) -> Acc.
