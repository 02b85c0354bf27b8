%% The lists module, written in Erlang; behaviour (results and errors)
%% follows OTP 25's lists.erl. Functions that are BIFs in OTP (reverse/2,
%% member/2, keyfind/3) are written in Erlang here.
-module(lists).
-export([foreach/2, seq/2, seq/3, map/2, foldl/3, foldr/3, reverse/1, reverse/2,
         sum/1, filter/2, nth/2, nthtail/2, member/2, append/2, append/1, last/1,
         max/1, min/1, zip/2, unzip/1, keyfind/3, keymember/3, keydelete/3,
         keyreplace/4, keystore/4, duplicate/2, flatten/1, flatten/2, sort/1, sort/2,
         usort/1, any/2, all/2, split/2, sublist/2, sublist/3, delete/2,
         flatmap/2, partition/2, takewhile/2, dropwhile/2, mapfoldl/3, concat/1,
         droplast/1, enumerate/1, search/2, merge/2, subtract/2, splitwith/2,
         uniq/1,
         prefix/2, suffix/2, zip3/3, unzip3/1, zipwith/3, zipwith3/4,
         merge/1, merge/3, merge3/3, rmerge/2, rmerge/3, rmerge3/3,
         umerge/1, umerge/2, umerge/3, umerge3/3, rumerge/2, rumerge/3,
         rumerge3/3, usort/2, flatlength/1, keytake/3, keysearch/3,
         keysort/2, ukeysort/2, keymerge/3, rkeymerge/3, ukeymerge/3,
         rukeymerge/3, keymap/3, enumerate/2, filtermap/2, zf/2,
         mapfoldr/3, join/2, uniq/2]).

foreach(F, [H | T]) ->
    F(H),
    foreach(F, T);
foreach(F, []) when is_function(F, 1) ->
    ok.

seq(First, Last)
  when is_integer(First), is_integer(Last), First - 1 =< Last ->
    seq_loop(Last - First + 1, Last, []).

seq_loop(N, X, L) when N >= 4 ->
    seq_loop(N - 4, X - 4, [X - 3, X - 2, X - 1, X | L]);
seq_loop(N, X, L) when N >= 2 ->
    seq_loop(N - 2, X - 2, [X - 1, X | L]);
seq_loop(1, X, L) ->
    [X | L];
seq_loop(0, _, L) ->
    L.

seq(First, Last, Inc)
  when is_integer(First), is_integer(Last), is_integer(Inc) ->
    if
        Inc > 0, First - Inc =< Last;
        Inc < 0, First - Inc >= Last ->
            N = (Last - First + Inc) div Inc,
            seq_loop(N, Inc * (N - 1) + First, Inc, []);
        Inc =:= 0, First =:= Last ->
            seq_loop(1, First, Inc, []);
        true ->
            erlang:error(badarg, [First, Last, Inc])
    end.

seq_loop(N, X, D, L) when N >= 2 ->
    Y = X - D,
    seq_loop(N - 2, Y - D, D, [Y, X | L]);
seq_loop(1, X, _, L) ->
    [X | L];
seq_loop(0, _, _, L) ->
    L.

%% map/2, foldl/3, any/2, all/2 check the fun first and then the list
%% with a case, so a non-list is a case_clause, as in OTP 25.
map(F, List) when is_function(F, 1) ->
    case List of
        [H | T] -> [F(H) | map(F, T)];
        [] -> []
    end.

foldl(F, Accu, List) when is_function(F, 2) ->
    case List of
        [Hd | Tail] -> foldl(F, F(Hd, Accu), Tail);
        [] -> Accu
    end.

foldr(F, Accu, [Hd | Tail]) ->
    F(Hd, foldr(F, Accu, Tail));
foldr(F, Accu, []) when is_function(F, 2) ->
    Accu.

reverse([] = L) -> L;
reverse([_] = L) -> L;
reverse([A, B]) -> [B, A];
reverse([A, B | L]) -> reverse(L, [B, A]).

reverse([H | T], Acc) -> reverse(T, [H | Acc]);
reverse([], Acc) -> Acc.

sum(L) -> sum(L, 0).

sum([H | T], Sum) -> sum(T, Sum + H);
sum([], Sum) -> Sum.

filter(Pred, List) when is_function(Pred, 1) ->
    [E || E <- List, Pred(E)].

nth(1, [H | _]) -> H;
nth(N, [_ | T]) when N > 1 -> nth(N - 1, T).

nthtail(1, [_ | T]) -> T;
nthtail(N, [_ | T]) when N > 1 -> nthtail(N - 1, T);
nthtail(0, L) when is_list(L) -> L.

%% member/2 and keyfind/3 are BIFs in OTP: bad arguments are badarg.
member(X, List) -> member(X, List, List).

member(X, [X | _], _) -> true;
member(X, [_ | T], L) -> member(X, T, L);
member(_, [], _) -> false;
member(X, _, L) -> erlang:error(badarg, [X, L]).

append(L1, L2) -> L1 ++ L2.

append([E]) -> E;
append([H | T]) -> H ++ append(T);
append([]) -> [].

last([E | Es]) -> last(E, Es).

last(_, [E | Es]) -> last(E, Es);
last(E, []) -> E.

max([H | T]) -> max(T, H).

max([H | T], Max) when H > Max -> max(T, H);
max([_ | T], Max) -> max(T, Max);
max([], Max) -> Max.

min([H | T]) -> min(T, H).

min([H | T], Min) when H < Min -> min(T, H);
min([_ | T], Min) -> min(T, Min);
min([], Min) -> Min.

zip([X | Xs], [Y | Ys]) -> [{X, Y} | zip(Xs, Ys)];
zip([], []) -> [].

unzip(Ts) -> unzip(Ts, [], []).

unzip([{X, Y} | Ts], Xs, Ys) -> unzip(Ts, [X | Xs], [Y | Ys]);
unzip([], Xs, Ys) -> {reverse(Xs), reverse(Ys)}.

keyfind(Key, N, [H | T]) when is_integer(N), N > 0 ->
    case is_tuple(H) andalso tuple_size(H) >= N andalso element(N, H) == Key of
        true -> H;
        false -> keyfind(Key, N, T)
    end;
keyfind(_, N, []) when is_integer(N), N > 0 ->
    false;
keyfind(Key, N, L) ->
    erlang:error(badarg, [Key, N, L]).

keymember(Key, N, L) ->
    keyfind(Key, N, L) =/= false.

keydelete(K, N, L) when is_integer(N), N > 0 ->
    keydelete3(K, N, L).

keydelete3(Key, N, [H | T]) when element(N, H) == Key -> T;
keydelete3(Key, N, [H | T]) -> [H | keydelete3(Key, N, T)];
keydelete3(_, _, []) -> [].

keyreplace(K, N, L, New) when is_integer(N), N > 0, is_tuple(New) ->
    keyreplace3(K, N, L, New).

keyreplace3(Key, Pos, [Tup | Tail], New) when element(Pos, Tup) == Key ->
    [New | Tail];
keyreplace3(Key, Pos, [H | T], New) ->
    [H | keyreplace3(Key, Pos, T, New)];
keyreplace3(_, _, [], _) -> [].

keystore(K, N, L, New) when is_integer(N), N > 0, is_tuple(New) ->
    keystore2(K, N, L, New).

keystore2(Key, N, [H | T], New) when element(N, H) == Key ->
    [New | T];
keystore2(Key, N, [H | T], New) ->
    [H | keystore2(Key, N, T, New)];
keystore2(_, _, [], New) ->
    [New].

duplicate(N, X) when is_integer(N), N >= 0 -> duplicate(N, X, []).

duplicate(0, _, L) -> L;
duplicate(N, X, L) -> duplicate(N - 1, X, [X | L]).

flatten(List) when is_list(List) -> do_flatten(List, []).

flatten(List, Tail) when is_list(List), is_list(Tail) -> do_flatten(List, Tail).

do_flatten([H | T], Tail) when is_list(H) -> do_flatten(H, do_flatten(T, Tail));
do_flatten([H | T], Tail) -> [H | do_flatten(T, Tail)];
do_flatten([], Tail) -> Tail.

%% sort/2: a stable bottom-up merge sort (stable like OTP's sort/2).
sort(Fun, L) when is_function(Fun, 2) ->
    merge_all([[X] || X <- L], Fun).

merge_all([], _) -> [];
merge_all([L], _) -> L;
merge_all(Ls, Fun) -> merge_all(merge_pairs(Ls, Fun), Fun).

merge_pairs([A, B | Rest], Fun) -> [merge_with(A, B, Fun) | merge_pairs(Rest, Fun)];
merge_pairs(Ls, _) -> Ls.

merge_with(A, B, Fun) -> merge_with(A, B, Fun, []).

merge_with([H1 | T1] = L1, [H2 | T2] = L2, Fun, Acc) ->
    case Fun(H1, H2) of
        true -> merge_with(T1, L2, Fun, [H1 | Acc]);
        false -> merge_with(L1, T2, Fun, [H2 | Acc])
    end;
merge_with([], L2, _, Acc) -> reverse(Acc, L2);
merge_with(L1, [], _, Acc) -> reverse(Acc, L1).

merge(L1, L2) -> merge_with(L1, L2, fun(A, B) -> A =< B end).

%% sort/1 and usort/1 below are OTP 25's own algorithms (from its
%% lists.erl, Apache-2.0), so that elements comparing equal (1 and 1.0)
%% come out in exactly OTP's order.

merge2_1([H1 | T1], H2, T2, M) when H1 =< H2 ->
    merge2_1(T1, H2, T2, [H1 | M]);

merge2_1([H1 | T1], H2, T2, M) ->
    merge2_2(T1, H2, T2, M, H1);

merge2_1([], H2, T2, M) ->
    reverse(T2, [H2 | M]).

merge2_2(T1, HdM, [H2 | T2], M, H1) when H1 =< H2 ->
    merge2_1(T1, H2, T2, [H1, HdM | M]);

merge2_2(T1, HdM, [H2 | T2], M, H1) ->
    merge2_2(T1, H2, T2, [HdM | M], H1);

merge2_2(T1, HdM, [], M, H1) ->
    reverse(T1, [H1, HdM | M]).

merge3_1([H1 | T1], M, H2, T2, H3, T3) when H1 =< H2 ->
    merge3_12(T1, H1, H2, T2, H3, T3, M);

merge3_1([H1 | T1], M, H2, T2, H3, T3) ->
    merge3_21(T1, H1, H2, T2, H3, T3, M);

merge3_1([], M, H2, T2, H3, T3) when H2 =< H3 ->
    merge2_1(T2, H3, T3, [H2 | M]);

merge3_1([], M, H2, T2, H3, T3) ->
    merge2_2(T2, H3, T3, M, H2).

merge3_12(T1, H1, H2, T2, H3, T3, M) when H1 =< H3 ->
    merge3_1(T1, [H1 | M], H2, T2, H3, T3);

merge3_12(T1, H1, H2, T2, H3, T3, M) ->
    merge3_12_3(T1, H1, H2, T2, [H3 | M], T3).

merge3_12_3(T1, H1, H2, T2, M, [H3 | T3]) when H1 =< H3 ->
    merge3_1(T1, [H1 | M], H2, T2, H3, T3);

merge3_12_3(T1, H1, H2, T2, M, [H3 | T3]) ->
    merge3_12_3(T1, H1, H2, T2, [H3 | M], T3);

merge3_12_3(T1, H1, H2, T2, M, []) ->
    merge2_1(T1, H2, T2, [H1 | M]).

merge3_2(T1, H1, M, [H2 | T2], H3, T3) when H1 =< H2 ->
    merge3_12(T1, H1, H2, T2, H3, T3, M);

merge3_2(T1, H1, M, [H2 | T2], H3, T3) ->
    merge3_21(T1, H1, H2, T2, H3, T3, M);

merge3_2(T1, H1, M, [], H3, T3) when H1 =< H3 ->
    merge2_1(T1, H3, T3, [H1 | M]);

merge3_2(T1, H1, M, [], H3, T3) ->
    merge2_2(T1, H3, T3, M, H1).

merge3_21(T1, H1, H2, T2, H3, T3, M) when H2 =< H3 ->
    merge3_2(T1, H1, [H2 | M], T2, H3, T3);

merge3_21(T1, H1, H2, T2, H3, T3, M) ->
    merge3_21_3(T1, H1, H2, T2, [H3 | M], T3).

merge3_21_3(T1, H1, H2, T2, M, [H3 | T3]) when H2 =< H3 ->
    merge3_2(T1, H1, [H2 | M], T2, H3, T3);

merge3_21_3(T1, H1, H2, T2, M, [H3 | T3]) ->
    merge3_21_3(T1, H1, H2, T2, [H3 | M], T3);

merge3_21_3(T1, H1, H2, T2, M, []) ->
    merge2_2(T1, H2, T2, M, H1).

mergel([[] | L], Acc) ->
    mergel(L, Acc);

mergel([T1, [H2 | T2], [H3 | T3] | L], Acc) ->
    mergel(L, [merge3_1(T1, [], H2, T2, H3, T3) | Acc]);

mergel([T1, [H2 | T2]], Acc) ->
    rmergel([merge2_1(T1, H2, T2, []) | Acc], []);

mergel([L], []) ->
    L;

mergel([L], Acc) ->
    rmergel([reverse(L, []) | Acc], []);

mergel([], []) ->
    [];

mergel([], Acc) ->
    rmergel(Acc, []);

mergel([A, [] | L], Acc) ->
    mergel([A | L], Acc);

mergel([A, B, [] | L], Acc) ->
    mergel([A, B | L], Acc).

rmerge2_1([H1 | T1], H2, T2, M) when H1 =< H2 ->
    rmerge2_2(T1, H2, T2, M, H1);

rmerge2_1([H1 | T1], H2, T2, M) ->
    rmerge2_1(T1, H2, T2, [H1 | M]);

rmerge2_1([], H2, T2, M) ->
    reverse(T2, [H2 | M]).

rmerge2_2(T1, HdM, [H2 | T2], M, H1) when H1 =< H2 ->
    rmerge2_2(T1, H2, T2, [HdM | M], H1);

rmerge2_2(T1, HdM, [H2 | T2], M, H1) ->
    rmerge2_1(T1, H2, T2, [H1, HdM | M]);

rmerge2_2(T1, HdM, [], M, H1) ->
    reverse(T1, [H1, HdM | M]).

rmerge3_1([H1 | T1], M, H2, T2, H3, T3) when H1 =< H2 ->
    rmerge3_12(T1, H1, H2, T2, H3, T3, M);

rmerge3_1([H1 | T1], M, H2, T2, H3, T3) ->
    rmerge3_21(T1, H1, H2, T2, H3, T3, M);

rmerge3_1([], M, H2, T2, H3, T3) when H2 =< H3 ->
    rmerge2_2(T2, H3, T3, M, H2);

rmerge3_1([], M, H2, T2, H3, T3) ->
    rmerge2_1(T2, H3, T3, [H2 | M]).

rmerge3_12(T1, H1, H2, T2, H3, T3, M) when H2 =< H3 ->
    rmerge3_12_3(T1, H1, H2, T2, [H3 | M], T3);

rmerge3_12(T1, H1, H2, T2, H3, T3, M) ->
    rmerge3_2(T1, H1, [H2 | M], T2, H3, T3).

rmerge3_12_3(T1, H1, H2, T2, M, [H3 | T3]) when H2 =< H3 ->
    rmerge3_12_3(T1, H1, H2, T2, [H3 | M], T3);

rmerge3_12_3(T1, H1, H2, T2, M, [H3 | T3]) ->
    rmerge3_2(T1, H1, [H2 | M], T2, H3, T3);

rmerge3_12_3(T1, H1, H2, T2, M, []) ->
    rmerge2_2(T1, H2, T2, M, H1).

rmerge3_2(T1, H1, M, [H2 | T2], H3, T3) when H1 =< H2 ->
    rmerge3_12(T1, H1, H2, T2, H3, T3, M);

rmerge3_2(T1, H1, M, [H2 | T2], H3, T3) ->
    rmerge3_21(T1, H1, H2, T2, H3, T3, M);

rmerge3_2(T1, H1, M, [], H3, T3) when H1 =< H3 ->
    rmerge2_2(T1, H3, T3, M, H1);

rmerge3_2(T1, H1, M, [], H3, T3) ->
    rmerge2_1(T1, H3, T3, [H1 | M]).

rmerge3_21(T1, H1, H2, T2, H3, T3, M) when H1 =< H3 ->
    rmerge3_21_3(T1, H1, H2, T2, [H3 | M], T3);

rmerge3_21(T1, H1, H2, T2, H3, T3, M) ->
    rmerge3_1(T1, [H1 | M], H2, T2, H3, T3).

rmerge3_21_3(T1, H1, H2, T2, M, [H3 | T3]) when H1 =< H3 ->
    rmerge3_21_3(T1, H1, H2, T2, [H3 | M], T3);

rmerge3_21_3(T1, H1, H2, T2, M, [H3 | T3]) ->
    rmerge3_1(T1, [H1 | M], H2, T2, H3, T3);

rmerge3_21_3(T1, H1, H2, T2, M, []) ->
    rmerge2_1(T1, H2, T2, [H1 | M]).

rmergel([[H3 | T3], [H2 | T2], T1 | L], Acc) ->
    rmergel(L, [rmerge3_1(T1, [], H2, T2, H3, T3) | Acc]);

rmergel([[H2 | T2], T1], Acc) ->
    mergel([rmerge2_1(T1, H2, T2, []) | Acc], []);

rmergel([L], Acc) ->
    mergel([reverse(L, []) | Acc], []);

rmergel([], Acc) ->
    mergel(Acc, []).

rumerge2_1([H1 | T1], T2, M, H2) when H1 =< H2 ->
    rumerge2_2(T1, T2, M, H2, H1);

rumerge2_1([H1 | T1], T2, M, H2) ->
    rumerge2_1(T1, T2, [H1 | M], H2);

rumerge2_1([], T2, M, H2) ->
    reverse(T2, [H2 | M]).

rumerge2_2(T1, [H2 | T2], M, H2M, H1) when H1 =< H2 ->
    rumerge2_2(T1, T2, [H2M | M], H2, H1);

rumerge2_2(T1, [H2 | T2], M, H2M, H1) when H1 == H2M ->
    rumerge2_1(T1, T2, [H1 | M], H2);

rumerge2_2(T1, [H2 | T2], M, H2M, H1) ->
    rumerge2_1(T1, T2, [H1, H2M | M], H2);

rumerge2_2(T1, [], M, H2M, H1) when H1 == H2M ->
    reverse(T1, [H1 | M]);

rumerge2_2(T1, [], M, H2M, H1) ->
    reverse(T1, [H1, H2M | M]).

rumerge3_1([H1 | T1], T2, H2, M, T3, H3) when H1 =< H2 ->
    rumerge3_12a(T1, H1, T2, H2, M, T3, H3);

rumerge3_1([H1 | T1], T2, H2, M, T3, H3) when H1 =< H3 ->
    rumerge3_21_3(T1, T2, H2, M, T3, H3, H1);

rumerge3_1([H1 | T1], T2, H2, M, T3, H3) ->
    rumerge3_1(T1, T2, H2, [H1 | M], T3, H3);

rumerge3_1([], T2, H2, M, T3, H3) when H2 =< H3 ->
    rumerge2_2(T2, T3, M, H3, H2);

rumerge3_1([], T2, H2, M, T3, H3) ->
    rumerge2_1(T2, T3, [H2 | M], H3).

rumerge3_12_3(T1, T2, H2, M, [H3 | T3], H3M, H1) when H2 =< H3 ->
    rumerge3_12_3(T1, T2, H2, [H3M | M], T3, H3, H1);

rumerge3_12_3(T1, T2, H2, M, [H3 | T3], H3M, H1) when H2 == H3M ->
    rumerge3_2(T1, T2, H2, M, T3, H3, H1);

rumerge3_12_3(T1, T2, H2, M, [H3 | T3], H3M, H1) ->
    rumerge3_2(T1, T2, H2, [H3M | M], T3, H3, H1);

rumerge3_12_3(T1, T2, H2, M, [], H3M, H1) when H2 == H3M ->
    rumerge2_2(T1, T2, M, H2, H1);

rumerge3_12_3(T1, T2, H2, M, [], H3M, H1) ->
    rumerge2_2(T1, T2, [H3M | M], H2, H1).

rumerge3_12a(T1, H1, T2, H2, M, T3, H3) when H2 =< H3 ->
    rumerge3_12_3(T1, T2, H2, M, T3, H3, H1);

rumerge3_12a(T1, H1, T2, H2, M, T3, H3) ->
    rumerge3_2(T1, T2, H2, M, T3, H3, H1).

rumerge3_12b(T1, H1, T2, H2, M, T3, H3, H2M) when H2 =< H3 ->
    rumerge3_12_3(T1, T2, H2, [H2M | M], T3, H3, H1);

rumerge3_12b(T1, H1, T2, H2, M, T3, H3, H2M) ->
    rumerge3_2(T1, T2, H2, [H2M | M], T3, H3, H1).

rumerge3_2(T1, [H2 | T2], H2M, M, T3, H3, H1) when H1 =< H2 ->
    rumerge3_12b(T1, H1, T2, H2, M, T3, H3, H2M);

rumerge3_2(T1, [H2 | T2], H2M, M, T3, H3, H1) when H1 == H2M ->
    rumerge3_1(T1, T2, H2, [H1 | M], T3, H3);

rumerge3_2(T1, [H2 | T2], H2M, M, T3, H3, H1) when H1 =< H3 ->
    rumerge3_21_3(T1, T2, H2, [H2M | M], T3, H3, H1);

rumerge3_2(T1, [H2 | T2], H2M, M, T3, H3, H1) ->
    rumerge3_1(T1, T2, H2, [H1, H2M | M], T3, H3);

rumerge3_2(T1, [], H2M, M, T3, H3, H1) when H1 == H2M ->
    rumerge2_1(T1, T3, [H1 | M], H3);

rumerge3_2(T1, [], H2M, M, T3, H3, H1) when H1 =< H3 ->
    rumerge2_2(T1, T3, [H2M | M], H3, H1);

rumerge3_2(T1, [], H2M, M, T3, H3, H1) ->
    rumerge2_1(T1, T3, [H1, H2M | M], H3).

rumerge3_21_3(T1, T2, H2, M, [H3 | T3], H3M, H1) when H1 =< H3 ->
    rumerge3_21_3(T1, T2, H2, [H3M | M], T3, H3, H1);

rumerge3_21_3(T1, T2, H2, M, [H3 | T3], H3M, H1) when H1 == H3M ->
    rumerge3_1(T1, T2, H2, [H1 | M], T3, H3);

rumerge3_21_3(T1, T2, H2, M, [H3 | T3], H3M, H1) ->
    rumerge3_1(T1, T2, H2, [H1, H3M | M], T3, H3);

rumerge3_21_3(T1, T2, H2, M, [], H3M, H1) when H1 == H3M ->
    rumerge2_1(T1, T2, [H1 | M], H2);

rumerge3_21_3(T1, T2, H2, M, [], H3M, H1) ->
    rumerge2_1(T1, T2, [H1, H3M | M], H2).

rumergel([[H3 | T3], [H2 | T2], T1 | L], Acc, asc) ->
    rumergel(L, [rumerge3_1(T1, T2, H2, [], T3, H3) | Acc], asc);

rumergel([T1, [H2 | T2], [H3 | T3] | L], Acc, desc) ->
    rumergel(L, [rumerge3_1(T1, T2, H2, [], T3, H3) | Acc], desc);

rumergel([[H2 | T2], T1 | L], Acc, asc) ->
    rumergel(L, [rumerge2_1(T1, T2, [], H2) | Acc], asc);

rumergel([T1, [H2 | T2] | L], Acc, desc) ->
    rumergel(L, [rumerge2_1(T1, T2, [], H2) | Acc], desc);

rumergel([L], Acc, O) ->
    umergel([reverse(L, []) | Acc], [], O);

rumergel([], Acc, O) ->
    umergel(Acc, [], O).

sort([X, Y | L] = L0) when X =< Y ->
    case L of
        [] ->
            L0;
        [Z] when Y =< Z ->
            L0;
        [Z] when X =< Z ->
            [X, Z, Y];
        [Z] ->
            [Z, X, Y];
        _ when X == Y ->
            sort_1(Y, L, [X]);
        _ ->
            split_1(X, Y, L, [], [])
    end;

sort([X, Y | L]) ->
    case L of
        [] ->
            [Y, X];
        [Z] when X =< Z ->
            [Y, X | L];
        [Z] when Y =< Z ->
            [Y, Z, X];
        [Z] ->
            [Z, Y, X];
        _ ->
            split_2(X, Y, L, [], [])
    end;

sort([_] = L) ->
    L;

sort([] = L) ->
    L.

sort_1(X, [Y | L], R) when X == Y ->
    sort_1(Y, L, [X | R]);

sort_1(X, [Y | L], R) when X < Y ->
    split_1(X, Y, L, R, []);

sort_1(X, [Y | L], R) ->
    split_2(X, Y, L, R, []);

sort_1(X, [], R) ->
    reverse(R, [X]).

split_1(X, Y, [Z | L], R, Rs) when Z >= Y ->
    split_1(Y, Z, L, [X | R], Rs);

split_1(X, Y, [Z | L], R, Rs) when Z >= X ->
    split_1(Z, Y, L, [X | R], Rs);

split_1(X, Y, [Z | L], [], Rs) ->
    split_1(X, Y, L, [Z], Rs);

split_1(X, Y, [Z | L], R, Rs) ->
    split_1_1(X, Y, L, R, Rs, Z);

split_1(X, Y, [], R, Rs) ->
    rmergel([[Y, X | R] | Rs], []).

split_1_1(X, Y, [Z | L], R, Rs, S) when Z >= Y ->
    split_1_1(Y, Z, L, [X | R], Rs, S);

split_1_1(X, Y, [Z | L], R, Rs, S) when Z >= X ->
    split_1_1(Z, Y, L, [X | R], Rs, S);

split_1_1(X, Y, [Z | L], R, Rs, S) when S =< Z ->
    split_1(S, Z, L, [], [[Y, X | R] | Rs]);

split_1_1(X, Y, [Z | L], R, Rs, S) ->
    split_1(Z, S, L, [], [[Y, X | R] | Rs]);

split_1_1(X, Y, [], R, Rs, S) ->
    rmergel([[S], [Y, X | R] | Rs], []).

split_2(X, Y, [Z | L], R, Rs) when Z =< Y ->
    split_2(Y, Z, L, [X | R], Rs);

split_2(X, Y, [Z | L], R, Rs) when Z =< X ->
    split_2(Z, Y, L, [X | R], Rs);

split_2(X, Y, [Z | L], [], Rs) ->
    split_2(X, Y, L, [Z], Rs);

split_2(X, Y, [Z | L], R, Rs) ->
    split_2_1(X, Y, L, R, Rs, Z);

split_2(X, Y, [], R, Rs) ->
    mergel([[Y, X | R] | Rs], []).

split_2_1(X, Y, [Z | L], R, Rs, S) when Z =< Y ->
    split_2_1(Y, Z, L, [X | R], Rs, S);

split_2_1(X, Y, [Z | L], R, Rs, S) when Z =< X ->
    split_2_1(Z, Y, L, [X | R], Rs, S);

split_2_1(X, Y, [Z | L], R, Rs, S) when S > Z ->
    split_2(S, Z, L, [], [[Y, X | R] | Rs]);

split_2_1(X, Y, [Z | L], R, Rs, S) ->
    split_2(Z, S, L, [], [[Y, X | R] | Rs]);

split_2_1(X, Y, [], R, Rs, S) ->
    mergel([[S], [Y, X | R] | Rs], []).

umerge2_1([H1 | T1], T2, M, _HdM, H2) when H1 =< H2 ->
    umerge2_1(T1, T2, [H1 | M], H1, H2);

umerge2_1([H1 | T1], T2, M, HdM, H2) when H2 == HdM ->
    umerge2_2(T1, T2, M, H1);

umerge2_1([H1 | T1], T2, M, _HdM, H2) ->
    umerge2_2(T1, T2, [H2 | M], H1);

umerge2_1([], T2, M, HdM, H2) when H2 == HdM ->
    reverse(T2, M);

umerge2_1([], T2, M, _HdM, H2) ->
    reverse(T2, [H2 | M]).

umerge2_2(T1, [H2 | T2], M, H1) when H1 =< H2 ->
    umerge2_1(T1, T2, [H1 | M], H1, H2);

umerge2_2(T1, [H2 | T2], M, H1) ->
    umerge2_2(T1, T2, [H2 | M], H1);

umerge2_2(T1, [], M, H1) ->
    reverse(T1, [H1 | M]).

umerge3_1([H1 | T1], HdM, T2, H2, M, T3, H3) when H1 =< H2 ->
    umerge3_12(T1, H1, T2, H2, M, T3, H3, HdM);

umerge3_1([H1 | T1], HdM, T2, H2, M, T3, H3) when H2 == HdM ->
    umerge3_2(T1, H1, T2, H2, M, T3, H3);

umerge3_1([H1 | T1], HdM, T2, H2, M, T3, H3) ->
    umerge3_21(T1, H1, T2, H2, M, T3, H3, HdM);

umerge3_1([], HdM, T2, H2, M, T3, H3) when H2 == HdM ->
    umerge2_1(T2, T3, M, HdM, H3);

umerge3_1([], _HdM, T2, H2, M, T3, H3) when H2 =< H3 ->
    umerge2_1(T2, T3, [H2 | M], H2, H3);

umerge3_1([], HdM, T2, H2, M, T3, H3) when H3 == HdM ->
    umerge2_2(T2, T3, M, H2);

umerge3_1([], _HdM, T2, H2, M, T3, H3) ->
    umerge2_2(T2, T3, [H3 | M], H2).

umerge3_12(T1, H1, T2, H2, M, T3, H3, _HdM) when H1 =< H3 ->
    umerge3_1(T1, H1, T2, H2, [H1 | M], T3, H3);

umerge3_12(T1, H1, T2, H2, M, T3, H3, HdM) when H3 == HdM ->
    umerge3_12_3(T1, H1, T2, H2, M, T3);

umerge3_12(T1, H1, T2, H2, M, T3, H3, _HdM) ->
    umerge3_12_3(T1, H1, T2, H2, [H3 | M], T3).

umerge3_12_3(T1, H1, T2, H2, M, [H3 | T3]) when H1 =< H3 ->
    umerge3_1(T1, H1, T2, H2, [H1 | M], T3, H3);

umerge3_12_3(T1, H1, T2, H2, M, [H3 | T3]) ->
    umerge3_12_3(T1, H1, T2, H2, [H3 | M], T3);

umerge3_12_3(T1, H1, T2, H2, M, []) ->
    umerge2_1(T1, T2, [H1 | M], H1, H2).

umerge3_2(T1, H1, [H2 | T2], HdM, M, T3, H3) when H1 =< H2 ->
    umerge3_12(T1, H1, T2, H2, M, T3, H3, HdM);

umerge3_2(T1, H1, [H2 | T2], HdM, M, T3, H3) ->
    umerge3_21(T1, H1, T2, H2, M, T3, H3, HdM);

umerge3_2(T1, H1, [], _HdM, M, T3, H3) when H1 =< H3 ->
    umerge2_1(T1, T3, [H1 | M], H1, H3);

umerge3_2(T1, H1, [], HdM, M, T3, H3) when H3 == HdM ->
    umerge2_2(T1, T3, M, H1);

umerge3_2(T1, H1, [], _HdM, M, T3, H3) ->
    umerge2_2(T1, T3, [H3 | M], H1).

umerge3_21(T1, H1, T2, H2, M, T3, H3, _HdM) when H2 =< H3 ->
    umerge3_2(T1, H1, T2, H2, [H2 | M], T3, H3);

umerge3_21(T1, H1, T2, H2, M, T3, H3, HdM) when H3 == HdM ->
    umerge3_21_3(T1, H1, T2, H2, M, T3);

umerge3_21(T1, H1, T2, H2, M, T3, H3, _HdM) ->
    umerge3_21_3(T1, H1, T2, H2, [H3 | M], T3).

umerge3_21_3(T1, H1, T2, H2, M, [H3 | T3]) when H2 =< H3 ->
    umerge3_2(T1, H1, T2, H2, [H2 | M], T3, H3);

umerge3_21_3(T1, H1, T2, H2, M, [H3 | T3]) ->
    umerge3_21_3(T1, H1, T2, H2, [H3 | M], T3);

umerge3_21_3(T1, H1, T2, H2, M, []) ->
    umerge2_2(T1, T2, [H2 | M], H1).

umergel([[] | L], Acc, O) ->
    umergel(L, Acc, O);

umergel([T1, [H2 | T2], [H3 | T3] | L], Acc, asc) ->
    umergel(L,
            [umerge3_1(T1, [H2 | H3], T2, H2, [], T3, H3) | Acc],
            asc);

umergel([[H3 | T3], [H2 | T2], T1 | L], Acc, desc) ->
    umergel(L,
            [umerge3_1(T1, [H2 | H3], T2, H2, [], T3, H3) | Acc],
            desc);

umergel([A, [] | L], Acc, O) ->
    umergel([A | L], Acc, O);

umergel([A, B, [] | L], Acc, O) ->
    umergel([A, B | L], Acc, O);

umergel([[H1 | T1], T2 | L], Acc, asc) ->
    umergel(L, [umerge2_2(T1, T2, [], H1) | Acc], asc);

umergel([T2, [H1 | T1] | L], Acc, desc) ->
    umergel(L, [umerge2_2(T1, T2, [], H1) | Acc], desc);

umergel([L], [], _O) ->
    L;

umergel([L], Acc, O) ->
    rumergel([reverse(L, []) | Acc], [], O);

umergel([], [], _O) ->
    [];

umergel([], Acc, O) ->
    rumergel(Acc, [], O).

usort([X, Y | L] = L0) when X < Y ->
    case L of
        [] ->
            L0;
        [Z] when Y < Z ->
            L0;
        [Z] when Y == Z ->
            [X, Y];
        [Z] when Z < X ->
            [Z, X, Y];
        [Z] when Z == X ->
            [X, Y];
        [Z] ->
            [X, Z, Y];
        _ ->
            usplit_1(X, Y, L, [], [])
    end;

usort([X, Y | L]) when X > Y ->
    case L of
        [] ->
            [Y, X];
        [Z] when X < Z ->
            [Y, X | L];
        [Z] when X == Z ->
            [Y, X];
        [Z] when Z < Y ->
            [Z, Y, X];
        [Z] when Z == Y ->
            [Y, X];
        [Z] ->
            [Y, Z, X];
        _ ->
            usplit_2(X, Y, L, [], [])
    end;

usort([X, _Y | L]) ->
    usort_1(X, L);

usort([_] = L) ->
    L;

usort([]) ->
    [].

usort_1(X, [Y | L]) when X == Y ->
    usort_1(X, L);

usort_1(X, [Y | L]) when X < Y ->
    usplit_1(X, Y, L, [], []);

usort_1(X, [Y | L]) ->
    usplit_2(X, Y, L, [], []);

usort_1(X, []) ->
    [X].

usplit_1(X, Y, [Z | L], R, Rs) when Z > Y ->
    usplit_1(Y, Z, L, [X | R], Rs);

usplit_1(X, Y, [Z | L], R, Rs) when Z == Y ->
    usplit_1(X, Y, L, R, Rs);

usplit_1(X, Y, [Z | L], R, Rs) when Z > X ->
    usplit_1(Z, Y, L, [X | R], Rs);

usplit_1(X, Y, [Z | L], R, Rs) when Z == X ->
    usplit_1(X, Y, L, R, Rs);

usplit_1(X, Y, [Z | L], [], Rs) ->
    usplit_1(X, Y, L, [Z], Rs);

usplit_1(X, Y, [Z | L], R, Rs) ->
    usplit_1_1(X, Y, L, R, Rs, Z);

usplit_1(X, Y, [], R, Rs) ->
    rumergel([[Y, X | R] | Rs], [], asc).

usplit_1_1(X, Y, [Z | L], R, Rs, S) when Z > Y ->
    usplit_1_1(Y, Z, L, [X | R], Rs, S);

usplit_1_1(X, Y, [Z | L], R, Rs, S) when Z == Y ->
    usplit_1_1(X, Y, L, R, Rs, S);

usplit_1_1(X, Y, [Z | L], R, Rs, S) when Z > X ->
    usplit_1_1(Z, Y, L, [X | R], Rs, S);

usplit_1_1(X, Y, [Z | L], R, Rs, S) when Z == X ->
    usplit_1_1(X, Y, L, R, Rs, S);

usplit_1_1(X, Y, [Z | L], R, Rs, S) when Z > S ->
    usplit_1(S, Z, L, [], [[Y, X | R] | Rs]);

usplit_1_1(X, Y, [Z | L], R, Rs, S) when Z == S ->
    usplit_1_1(X, Y, L, R, Rs, S);

usplit_1_1(X, Y, [Z | L], R, Rs, S) ->
    usplit_1(Z, S, L, [], [[Y, X | R] | Rs]);

usplit_1_1(X, Y, [], R, Rs, S) ->
    rumergel([[S], [Y, X | R] | Rs], [], asc).

usplit_2(X, Y, [Z | L], R, Rs) when Z < Y ->
    usplit_2(Y, Z, L, [X | R], Rs);

usplit_2(X, Y, [Z | L], R, Rs) when Z == Y ->
    usplit_2(X, Y, L, R, Rs);

usplit_2(X, Y, [Z | L], R, Rs) when Z < X ->
    usplit_2(Z, Y, L, [X | R], Rs);

usplit_2(X, Y, [Z | L], R, Rs) when Z == X ->
    usplit_2(X, Y, L, R, Rs);

usplit_2(X, Y, [Z | L], [], Rs) ->
    usplit_2(X, Y, L, [Z], Rs);

usplit_2(X, Y, [Z | L], R, Rs) ->
    usplit_2_1(X, Y, L, R, Rs, Z);

usplit_2(X, Y, [], R, Rs) ->
    umergel([[Y, X | R] | Rs], [], desc).

usplit_2_1(X, Y, [Z | L], R, Rs, S) when Z < Y ->
    usplit_2_1(Y, Z, L, [X | R], Rs, S);

usplit_2_1(X, Y, [Z | L], R, Rs, S) when Z == Y ->
    usplit_2_1(X, Y, L, R, Rs, S);

usplit_2_1(X, Y, [Z | L], R, Rs, S) when Z < X ->
    usplit_2_1(Z, Y, L, [X | R], Rs, S);

usplit_2_1(X, Y, [Z | L], R, Rs, S) when Z == X ->
    usplit_2_1(X, Y, L, R, Rs, S);

usplit_2_1(X, Y, [Z | L], R, Rs, S) when Z < S ->
    usplit_2(S, Z, L, [], [[Y, X | R] | Rs]);

usplit_2_1(X, Y, [Z | L], R, Rs, S) when Z == S ->
    usplit_2_1(X, Y, L, R, Rs, S);

usplit_2_1(X, Y, [Z | L], R, Rs, S) ->
    usplit_2(Z, S, L, [], [[Y, X | R] | Rs]);

usplit_2_1(X, Y, [], R, Rs, S) ->
    umergel([[S], [Y, X | R] | Rs], [], desc).

uniq(L) -> uniq_by(L, fun(X) -> X end, #{}).

any(Pred, List) when is_function(Pred, 1) ->
    case List of
        [H | T] ->
            case Pred(H) of
                true -> true;
                false -> any(Pred, T)
            end;
        [] -> false
    end.

all(Pred, List) when is_function(Pred, 1) ->
    case List of
        [H | T] ->
            case Pred(H) of
                true -> all(Pred, T);
                false -> false
            end;
        [] -> true
    end.

split(N, List) when is_integer(N), N >= 0, is_list(List) ->
    case split(N, List, []) of
        {_, _} = Result -> Result;
        Fault when is_atom(Fault) -> erlang:error(Fault, [N, List])
    end;
split(N, List) ->
    erlang:error(badarg, [N, List]).

split(0, L, R) -> {reverse(R, []), L};
split(N, [H | T], R) -> split(N - 1, T, [H | R]);
split(_, [], _) -> badarg.

sublist(List, L) when is_integer(L), is_list(List) ->
    sublist_2(List, L).

sublist_2([H | T], L) when L > 0 -> [H | sublist_2(T, L - 1)];
sublist_2(_, 0) -> [];
sublist_2(List, L) when is_list(List), L > 0 -> [].

%% sublist/3: a start beyond the end gives [] (not an error).
sublist(List, S, L) when is_integer(L), L >= 0, is_integer(S), S >= 1 ->
    sublist(sublist_drop(S - 1, List), L).

sublist_drop(0, L) -> L;
sublist_drop(N, [_ | T]) -> sublist_drop(N - 1, T);
sublist_drop(_, []) -> [].

delete(Item, [Item | Rest]) -> Rest;
delete(Item, [H | Rest]) -> [H | delete(Item, Rest)];
delete(_, []) -> [].

subtract(L1, L2) -> L1 -- L2.

flatmap(F, [H | T]) -> F(H) ++ flatmap(F, T);
flatmap(F, []) when is_function(F, 1) -> [].

partition(Pred, L) -> partition(Pred, L, [], []).

partition(Pred, [H | T], As, Bs) ->
    case Pred(H) of
        true -> partition(Pred, T, [H | As], Bs);
        false -> partition(Pred, T, As, [H | Bs])
    end;
partition(Pred, [], As, Bs) when is_function(Pred, 1) ->
    {reverse(As), reverse(Bs)}.

splitwith(Pred, List) when is_function(Pred, 1) -> splitwith(Pred, List, []).

splitwith(Pred, [Hd | Tail], Taken) ->
    case Pred(Hd) of
        true -> splitwith(Pred, Tail, [Hd | Taken]);
        false -> {reverse(Taken), [Hd | Tail]}
    end;
splitwith(Pred, [], Taken) when is_function(Pred, 1) ->
    {reverse(Taken), []}.

takewhile(Pred, [H | T]) ->
    case Pred(H) of
        true -> [H | takewhile(Pred, T)];
        false -> []
    end;
takewhile(Pred, []) when is_function(Pred, 1) -> [].

dropwhile(Pred, [H | T] = Rest) ->
    case Pred(H) of
        true -> dropwhile(Pred, T);
        false -> Rest
    end;
dropwhile(Pred, []) when is_function(Pred, 1) -> [].

mapfoldl(F, Accu0, [Hd | Tail]) ->
    {R, Accu1} = F(Hd, Accu0),
    {Rs, Accu2} = mapfoldl(F, Accu1, Tail),
    {[R | Rs], Accu2};
mapfoldl(F, Accu, []) when is_function(F, 2) -> {[], Accu}.

concat(List) -> flatmap(fun thing_to_list/1, List).

thing_to_list(X) when is_integer(X) -> integer_to_list(X);
thing_to_list(X) when is_float(X) -> float_to_list(X);
thing_to_list(X) when is_atom(X) -> atom_to_list(X);
thing_to_list(X) when is_list(X) -> X.

droplast([_T]) -> [];
droplast([H | T]) -> [H | droplast(T)].

enumerate(List) when is_list(List) -> enumerate_loop(1, List).

enumerate_loop(N, [H | T]) -> [{N, H} | enumerate_loop(N + 1, T)];
enumerate_loop(_, []) -> [].

search(Pred, [Hd | Tail]) ->
    case Pred(Hd) of
        true -> {value, Hd};
        false -> search(Pred, Tail)
    end;
search(Pred, []) when is_function(Pred, 1) -> false.


%% ---- The rest of OTP 25's lists API (our own code, written from the
%% documented behaviour; errors are the function_clause / badarg OTP gives).

prefix([X | PreTail], [X | Tail]) -> prefix(PreTail, Tail);
prefix([], List) when is_list(List) -> true;
prefix([_ | _], List) when is_list(List) -> false.

suffix(Suffix, List) ->
    Delta = length(List) - length(Suffix),
    Delta >= 0 andalso nthtail(Delta, List) =:= Suffix.

zip3([X | Xs], [Y | Ys], [Z | Zs]) -> [{X, Y, Z} | zip3(Xs, Ys, Zs)];
zip3([], [], []) -> [].

unzip3(Ts) -> unzip3(Ts, [], [], []).

unzip3([{X, Y, Z} | Ts], Xs, Ys, Zs) -> unzip3(Ts, [X | Xs], [Y | Ys], [Z | Zs]);
unzip3([], Xs, Ys, Zs) -> {reverse(Xs), reverse(Ys), reverse(Zs)}.

zipwith(F, [X | Xs], [Y | Ys]) -> [F(X, Y) | zipwith(F, Xs, Ys)];
zipwith(F, [], []) when is_function(F, 2) -> [].

zipwith3(F, [X | Xs], [Y | Ys], [Z | Zs]) -> [F(X, Y, Z) | zipwith3(F, Xs, Ys, Zs)];
zipwith3(F, [], [], []) when is_function(F, 3) -> [].

%% merge/1: stable over the list of lists (earlier lists win ties).
merge(Ls) when is_list(Ls) -> foldr(fun(L, Acc) -> merge(L, Acc) end, [], Ls).

merge(Fun, L1, L2) when is_function(Fun, 2), is_list(L1), is_list(L2) ->
    merge_with(L1, L2, Fun).

merge3(L1, L2, L3) -> merge(L1, merge(L2, L3)).

%% rmerge: both lists sorted in descending order; on a tie the element of
%% the second list comes first (as OTP's).
rmerge(L1, L2) when is_list(L1), is_list(L2) ->
    rmerge_f(L1, L2, fun(A, B) -> A =< B end).

rmerge(Fun, L1, L2) when is_function(Fun, 2), is_list(L1), is_list(L2) ->
    rmerge_f(L1, L2, Fun).

rmerge_f([H1 | T1] = L1, [H2 | T2] = L2, Fun) ->
    case Fun(H1, H2) of
        true -> [H2 | rmerge_f(L1, T2, Fun)];
        false -> [H1 | rmerge_f(T1, L2, Fun)]
    end;
rmerge_f([], L2, _) -> L2;
rmerge_f(L1, [], _) -> L1.

rmerge3(L1, L2, L3) -> rmerge(L1, rmerge(L2, L3)).

%% umerge: ascending, no duplicates; a tie keeps the first list's element.
umerge(Ls) when is_list(Ls) -> foldr(fun(L, Acc) -> umerge(L, Acc) end, [], Ls).

umerge(L1, L2) when is_list(L1), is_list(L2) ->
    umerge_f(L1, L2, fun(A, B) -> A =< B end).

umerge(Fun, L1, L2) when is_function(Fun, 2), is_list(L1), is_list(L2) ->
    umerge_f(L1, L2, Fun).

umerge_f([H1 | T1] = L1, [H2 | T2] = L2, Fun) ->
    case Fun(H1, H2) of
        true ->
            case Fun(H2, H1) of
                true -> [H1 | umerge_f(T1, T2, Fun)];
                false -> [H1 | umerge_f(T1, L2, Fun)]
            end;
        false -> [H2 | umerge_f(L1, T2, Fun)]
    end;
umerge_f([], L2, _) -> L2;
umerge_f(L1, [], _) -> L1.

umerge3(L1, L2, L3) -> umerge(L1, umerge(L2, L3)).

rumerge(L1, L2) when is_list(L1), is_list(L2) ->
    rumerge_f(L1, L2, fun(A, B) -> A =< B end).

rumerge(Fun, L1, L2) when is_function(Fun, 2), is_list(L1), is_list(L2) ->
    rumerge_f(L1, L2, Fun).

rumerge_f([H1 | T1] = L1, [H2 | T2] = L2, Fun) ->
    case Fun(H1, H2) of
        true ->
            case Fun(H2, H1) of
                true -> [H1 | rumerge_f(T1, T2, Fun)];
                false -> [H2 | rumerge_f(L1, T2, Fun)]
            end;
        false -> [H1 | rumerge_f(T1, L2, Fun)]
    end;
rumerge_f([], L2, _) -> L2;
rumerge_f(L1, [], _) -> L1.

rumerge3(L1, L2, L3) -> rumerge(L1, rumerge(L2, L3)).

%% usort/2: sort by Fun, then drop each element equal (both ways) to the
%% one kept before it; the first of equal elements is kept.
usort(Fun, L) when is_function(Fun, 2) ->
    usort_dedup(sort(Fun, L), Fun).

usort_dedup([X, Y | T], Fun) ->
    case Fun(Y, X) of
        true -> usort_dedup([X | T], Fun);
        false -> [X | usort_dedup([Y | T], Fun)]
    end;
usort_dedup(L, _) -> L.

flatlength(List) -> flatlength(List, 0).

flatlength([H | T], L) when is_list(H) -> flatlength(H, flatlength(T, L));
flatlength([_ | T], L) -> flatlength(T, L + 1);
flatlength([], L) -> L.

keytake(Key, N, L) when is_integer(N), N > 0 -> keytake(Key, N, L, []).

keytake(Key, N, [H | T], L) when element(N, H) == Key ->
    {value, H, reverse(L, T)};
keytake(Key, N, [H | T], L) -> keytake(Key, N, T, [H | L]);
keytake(_, _, [], _) -> false.

keysearch(Key, N, L) when is_integer(N), N > 0 ->
    case keyfind(Key, N, L) of
        false -> false;
        Tuple -> {value, Tuple}
    end.

%% keysort/2: a stable merge sort on element I (lists of fewer than two
%% elements are returned unchecked, as OTP does).
keysort(I, L) when is_integer(I), I > 0 ->
    case L of
        [] -> L;
        [_] -> L;
        [_ | _] -> sort(fun(A, B) -> element(I, A) =< element(I, B) end, L)
    end.

ukeysort(I, L) when is_integer(I), I > 0 ->
    case L of
        [] -> L;
        [_] -> L;
        [_ | _] ->
            usort(fun(A, B) -> element(I, A) =< element(I, B) end, L)
    end.

keymerge(I, L1, L2) when is_integer(I), I > 0, is_list(L1), is_list(L2) ->
    merge_with(L1, L2, fun(A, B) -> element(I, A) =< element(I, B) end).

rkeymerge(I, L1, L2) when is_integer(I), I > 0, is_list(L1), is_list(L2) ->
    rmerge_f(L1, L2, fun(A, B) -> element(I, A) =< element(I, B) end).

ukeymerge(I, L1, L2) when is_integer(I), I > 0, is_list(L1), is_list(L2) ->
    umerge_f(L1, L2, fun(A, B) -> element(I, A) =< element(I, B) end).

rukeymerge(I, L1, L2) when is_integer(I), I > 0, is_list(L1), is_list(L2) ->
    rumerge_f(L1, L2, fun(A, B) -> element(I, A) =< element(I, B) end).

keymap(Fun, Index, [Tup | Tail]) ->
    [setelement(Index, Tup, Fun(element(Index, Tup))) | keymap(Fun, Index, Tail)];
keymap(Fun, Index, []) when is_integer(Index), Index >= 1, is_function(Fun, 1) ->
    [].

enumerate(Index, List) when is_integer(Index), is_list(List) ->
    enumerate_loop(Index, List).

filtermap(F, [Hd | Tail]) ->
    case F(Hd) of
        true -> [Hd | filtermap(F, Tail)];
        {true, Val} -> [Val | filtermap(F, Tail)];
        false -> filtermap(F, Tail)
    end;
filtermap(F, []) when is_function(F, 1) -> [].

zf(F, L) -> filtermap(F, L).

mapfoldr(F, Accu0, [Hd | Tail]) ->
    {Rs, Accu1} = mapfoldr(F, Accu0, Tail),
    {R, Accu2} = F(Hd, Accu1),
    {[R | Rs], Accu2};
mapfoldr(F, Accu, []) when is_function(F, 2) -> {[], Accu}.

join(_Sep, []) -> [];
join(Sep, [H | T]) -> [H | join_prepend(Sep, T)].

join_prepend(_Sep, []) -> [];
join_prepend(Sep, [H | T]) -> [Sep, H | join_prepend(Sep, T)].

uniq(F, L) when is_function(F, 1) -> uniq_by(L, F, #{}).

uniq_by([X | Xs], F, Seen) ->
    Key = F(X),
    case is_map_key(Key, Seen) of
        true -> uniq_by(Xs, F, Seen);
        false -> [X | uniq_by(Xs, F, Seen#{Key => true})]
    end;
uniq_by([], _, _) -> [].
