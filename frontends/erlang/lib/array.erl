%% array (OTP 25 API) with OTP's visible representation
%% {array, Size, Max, Default, Elements}: Max is the capacity (a power of
%% ten, at least 10) or 0 for a fixed array; Elements is an integer C for
%% an unexpanded subtree of capacity C, a leaf tuple of 10 values, or a node
%% tuple {Child1, ..., Child10, C} whose children have capacity C.
%% Our own code, checked against erl's printed arrays.
-module(array).
-export([new/0, new/1, new/2, is_array/1, size/1, default/1, fix/1,
         is_fix/1, relax/1, resize/2, resize/1, set/3, get/2, reset/2,
         to_list/1, sparse_to_list/1, from_list/1, from_list/2,
         to_orddict/1, sparse_to_orddict/1, from_orddict/1, from_orddict/2,
         map/2, sparse_map/2, foldl/3, sparse_foldl/3, foldr/3,
         sparse_foldr/3, sparse_size/1]).


new() -> new([]).

new(Opts) -> new_opts(opt_list(Opts), 0, false, undefined, Opts).

new(Size, Opts) -> new_opts([{size, Size} | opt_list(Opts)], 0, false, undefined, {Size, Opts}).

opt_list(L) when is_list(L) -> L;
opt_list(X) -> [X].

new_opts([{size, N} | T], _, _, D, O) when is_integer(N), N >= 0 -> new_opts(T, N, true, D, O);
new_opts([N | T], _, _, D, O) when is_integer(N), N >= 0 -> new_opts(T, N, true, D, O);
new_opts([fixed | T], N, _, D, O) -> new_opts(T, N, true, D, O);
new_opts([{fixed, F} | T], N, _, D, O) when is_boolean(F) -> new_opts(T, N, F, D, O);
new_opts([{default, D} | T], N, F, _, O) -> new_opts(T, N, F, D, O);
new_opts([], N, Fixed, D, _) ->
    C = capacity_for(N),
    Max = case Fixed of true -> 0; false -> C end,
    {array, N, Max, D, C};
new_opts(_, _, _, _, O) -> erlang:error(badarg, [O]).

%% The smallest power of ten (at least 10) holding N elements.
capacity_for(N) -> capacity_for(N, 10).

capacity_for(N, C) when N > C -> capacity_for(N, C * 10);
capacity_for(_, C) -> C.

%% The capacity of a tree.
cap(C) when is_integer(C) -> C;
cap(T) when tuple_size(T) =:= 10 -> 10;
cap(T) -> element(11, T) * 10.

is_array({array, Size, Max, _, _}) when is_integer(Size), is_integer(Max) -> true;
is_array(_) -> false.

size({array, Size, _, _, _}) -> Size;
size(A) -> erlang:error(badarg, [A]).

default({array, _, _, D, _}) -> D;
default(A) -> erlang:error(badarg, [A]).

fix({array, S, _, D, E}) -> {array, S, 0, D, E};
fix(A) -> erlang:error(badarg, [A]).

is_fix({array, _, 0, _, _}) -> true;
is_fix({array, _, _, _, _}) -> false;
is_fix(A) -> erlang:error(badarg, [A]).

relax({array, S, _, D, E}) -> {array, S, cap(E), D, E};
relax(A) -> erlang:error(badarg, [A]).

%% A tree grown to hold at least N elements: an unexpanded tree stays
%% unexpanded, an expanded one becomes the first child of a new node.
grow(E, N) ->
    C = cap(E),
    if
        N =< C -> E;
        is_integer(E) -> grow(C * 10, N);
        true -> grow(list_to_tuple([E | lists:duplicate(9, C)] ++ [C]), N)
    end.

resize(N, {array, _, Max, D, E}) when is_integer(N), N >= 0 ->
    E1 = grow(E, N),
    Max1 = case Max of 0 -> 0; _ -> cap(E1) end,
    {array, N, Max1, D, E1};
resize(N, A) -> erlang:error(badarg, [N, A]).

resize(A) -> resize(sparse_size(A), A).

set(I, V, {array, S, Max, D, E}) when is_integer(I), I >= 0 ->
    if
        I < S -> {array, S, Max, D, set_1(I, V, E, D)};
        Max =:= 0 -> erlang:error(badarg, [I, V, {array, S, Max, D, E}]);
        true ->
            E1 = grow(E, I + 1),
            {array, I + 1, cap(E1), D, set_1(I, V, E1, D)}
    end;
set(I, V, A) -> erlang:error(badarg, [I, V, A]).

set_1(I, V, C, D) when is_integer(C) -> set_1(I, V, expand(C, D), D);
set_1(I, V, T, _) when tuple_size(T) =:= 10 -> setelement(I + 1, T, V);
set_1(I, V, T, D) ->
    C = element(11, T),
    K = I div C + 1,
    setelement(K, T, set_1(I rem C, V, element(K, T), D)).

expand(10, D) -> list_to_tuple(lists:duplicate(10, D));
expand(C, _) -> list_to_tuple(lists:duplicate(11, C div 10)).

get(I, {array, S, Max, D, E} = A) when is_integer(I), I >= 0 ->
    if
        I < S -> get_1(I, E, D);
        Max =:= 0 -> erlang:error(badarg, [I, A]);
        true -> D
    end;
get(I, A) -> erlang:error(badarg, [I, A]).

get_1(_, C, D) when is_integer(C) -> D;
get_1(I, T, _) when tuple_size(T) =:= 10 -> element(I + 1, T);
get_1(I, T, D) ->
    C = element(11, T),
    get_1(I rem C, element(I div C + 1, T), D).

reset(I, {array, S, Max, D, _} = A) when is_integer(I), I >= 0 ->
    if
        I < S -> set(I, D, A);
        Max =:= 0 -> erlang:error(badarg, [I, A]);
        true -> A
    end;
reset(I, A) -> erlang:error(badarg, [I, A]).

to_list({array, S, _, D, E}) -> [get_1(I, E, D) || I <- lists:seq(0, S - 1)];
to_list(A) -> erlang:error(badarg, [A]).

sparse_to_list(A) -> [V || {_, V} <- sparse_to_orddict(A)].

to_orddict({array, S, _, D, E}) -> [{I, get_1(I, E, D)} || I <- lists:seq(0, S - 1)];
to_orddict(A) -> erlang:error(badarg, [A]).

sparse_to_orddict({array, _, _, D, _} = A) -> [P || {_, V} = P <- to_orddict(A), V =/= D];
sparse_to_orddict(A) -> erlang:error(badarg, [A]).

from_list(L) -> from_list(L, undefined).

from_list(L, D) when is_list(L) ->
    {_, A} = lists:foldl(fun(V, {I, Acc}) -> {I + 1, set(I, V, Acc)} end,
                         {0, new([{default, D}])}, L),
    A;
from_list(L, D) -> erlang:error(badarg, [L, D]).

from_orddict(L) -> from_orddict(L, undefined).

from_orddict(L, D) when is_list(L) ->
    lists:foldl(fun({I, V}, Acc) -> set(I, V, Acc) end, new([{default, D}]), L);
from_orddict(L, D) -> erlang:error(badarg, [L, D]).

map(F, {array, S, Max, D, _} = A) when is_function(F, 2) ->
    Vs = [F(I, V) || {I, V} <- to_orddict(A)],
    rebuild(Vs, S, Max, D);
map(F, A) -> erlang:error(badarg, [F, A]).

sparse_map(F, {array, S, Max, D, _} = A) when is_function(F, 2) ->
    Vs = [case V of D -> D; _ -> F(I, V) end || {I, V} <- to_orddict(A)],
    rebuild(Vs, S, Max, D);
sparse_map(F, A) -> erlang:error(badarg, [F, A]).

rebuild(Vs, S, Max, D) ->
    A = from_list(Vs, D),
    A1 = resize(S, A),
    case Max of
        0 -> fix(A1);
        _ -> A1
    end.

foldl(F, Acc, A) when is_function(F, 3) ->
    lists:foldl(fun({I, V}, Ac) -> F(I, V, Ac) end, Acc, to_orddict(A));
foldl(F, Acc, A) -> erlang:error(badarg, [F, Acc, A]).

sparse_foldl(F, Acc, A) when is_function(F, 3) ->
    lists:foldl(fun({I, V}, Ac) -> F(I, V, Ac) end, Acc, sparse_to_orddict(A));
sparse_foldl(F, Acc, A) -> erlang:error(badarg, [F, Acc, A]).

foldr(F, Acc, A) when is_function(F, 3) ->
    lists:foldr(fun({I, V}, Ac) -> F(I, V, Ac) end, Acc, to_orddict(A));
foldr(F, Acc, A) -> erlang:error(badarg, [F, Acc, A]).

sparse_foldr(F, Acc, A) when is_function(F, 3) ->
    lists:foldr(fun({I, V}, Ac) -> F(I, V, Ac) end, Acc, sparse_to_orddict(A));
sparse_foldr(F, Acc, A) -> erlang:error(badarg, [F, Acc, A]).

sparse_size(A) ->
    case lists:reverse(sparse_to_orddict(A)) of
        [] -> 0;
        [{I, _} | _] -> I + 1
    end.
