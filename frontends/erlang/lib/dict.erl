%% dict (OTP 25 API) with OTP's representation, so that dicts print, compare
%% and list their contents as erl's do: a linear hash table
%% {dict, Size, N, MaxN, Bso, ExpSize, ConSize, EmptySeg, Segs}. Slots are
%% numbered from 1; slot S lives in segment (S-1) div 16 + 1 (a 16-tuple of
%% buckets). N slots are in use out of MaxN (a power of two times 16); a key
%% goes to slot erlang:phash(Key, MaxN), or to its buddy Bso below when that
%% slot is not split yet. The table splits one slot when Size passes
%% ExpSize (5 per slot) and merges one back when it drops under ConSize (3
%% per slot), doubling or halving the segment tuple at powers of two. A
%% bucket is a list of [Key | Value] cells; a new key goes at its end.
%% Keys are compared with =:=. Checked against erl by the fixture dict_otp.
-module(dict).
-export([new/0, is_key/2, to_list/1, from_list/1, size/1, is_empty/1,
         fetch/2, find/2, fetch_keys/1, erase/2, take/2, store/3, append/3,
         append_list/3, update/3, update/4, update_counter/3, fold/3, map/2,
         filter/2, merge/3]).

-compile({no_auto_import, [size/1]}).

-define(SEG, 16).
-define(EXPAND, 5).
-define(CONTRACT, 3).

-record(dict, {size = 0, n = ?SEG, maxn = ?SEG, bso = ?SEG div 2,
               exp_size = ?SEG * ?EXPAND, con_size = ?SEG * ?CONTRACT,
               empty, segs}).

new() ->
    Empty = erlang:make_tuple(?SEG, []),
    #dict{empty = Empty, segs = {Empty}}.

is_key(Key, D) -> lookup(Key, bucket_of(Key, D)) =/= error.

find(Key, D) -> lookup(Key, bucket_of(Key, D)).

fetch(Key, D) ->
    case lookup(Key, bucket_of(Key, D)) of
        {ok, V} -> V;
        error -> erlang:error(badarg, [Key, D])
    end.

to_list(D) -> fold(fun(K, V, L) -> [{K, V} | L] end, [], D).

fetch_keys(D) -> fold(fun(K, _, L) -> [K | L] end, [], D).

from_list(L) -> lists:foldl(fun({K, V}, D) -> store(K, V, D) end, new(), L).

size(#dict{size = N}) when is_integer(N), N >= 0 -> N.

is_empty(#dict{size = N}) -> N =:= 0.

store(Key, Val, D) ->
    upsert(Key, fun(_) -> Val end, Val, D).

append(Key, Val, D) ->
    upsert(Key, fun(Bag) -> Bag ++ [Val] end, [Val], D).

append_list(Key, L, D) ->
    upsert(Key, fun(Bag) -> Bag ++ L end, L, D).

update(Key, F, Init, D) when is_function(F, 1) ->
    upsert(Key, F, Init, D).

update_counter(Key, Incr, D) when is_number(Incr) ->
    upsert(Key, fun(V) -> V + Incr end, Incr, D).

update(Key, F, D0) ->
    case with_bucket(Key, fun(B) -> replace(Key, F, B) end, D0) of
        {D1, ok} -> D1;
        {_, error} -> erlang:error(badarg, [Key, F, D0])
    end.

erase(Key, D0) ->
    {D1, Removed} = with_bucket(Key, fun(B) -> remove(Key, B) end, D0),
    case Removed of
        {ok, _} -> shrink(D1, 1);
        error -> shrink(D1, 0)
    end.

take(Key, D0) ->
    case with_bucket(Key, fun(B) -> remove(Key, B) end, D0) of
        {D1, {ok, V}} -> {V, shrink(D1, 1)};
        {_, error} -> error
    end.

%% Slots from the last to the first, each bucket's cells in order.
fold(F, Acc, #dict{size = 0}) when is_function(F, 3) -> Acc;
fold(F, Acc, #dict{segs = Segs}) when is_function(F, 3) ->
    lists:foldr(
      fun(Seg, A0) ->
              lists:foldr(
                fun(Bkt, A1) ->
                        lists:foldl(fun([K | V], A) -> F(K, V, A) end, A1, Bkt)
                end, A0, tuple_to_list(Seg))
      end, Acc, tuple_to_list(Segs)).

map(F, #dict{size = 0} = D) when is_function(F, 2) -> D;
map(F, #dict{segs = Segs} = D) when is_function(F, 2) ->
    D#dict{segs = each_bucket(
                    fun(Bkt) -> [[K | F(K, V)] || [K | V] <- Bkt] end, Segs)}.

filter(F, #dict{size = 0} = D) when is_function(F, 2) -> D;
filter(F, #dict{segs = Segs} = D) when is_function(F, 2) ->
    Kept = each_bucket(fun(Bkt) -> [C || [K | V] = C <- Bkt, F(K, V)] end, Segs),
    Dropped = count(Segs) - count(Kept),
    shrink(D#dict{segs = Kept}, Dropped).

%% As erl: the smaller dict is folded into the bigger one.
merge(F, D1, D2) when is_function(F, 3) ->
    case size(D1) < size(D2) of
        true ->
            fold(fun(K, V1, D) ->
                         update(K, fun(V2) -> F(K, V1, V2) end, V1, D)
                 end, D2, D1);
        false ->
            fold(fun(K, V2, D) ->
                         update(K, fun(V1) -> F(K, V1, V2) end, V2, D)
                 end, D1, D2)
    end.

%% --- the table ---

slot(Key, #dict{maxn = MaxN, n = N, bso = Bso}) ->
    case erlang:phash(Key, MaxN) of
        H when H > N -> H - Bso;
        H -> H
    end.

bucket_of(Key, #dict{segs = Segs} = D) -> get_bucket(Segs, slot(Key, D)).

get_bucket(Segs, Slot) ->
    element((Slot - 1) rem ?SEG + 1, element((Slot - 1) div ?SEG + 1, Segs)).

put_bucket(Segs, Slot, Bkt) ->
    I = (Slot - 1) div ?SEG + 1,
    setelement(I, Segs, setelement((Slot - 1) rem ?SEG + 1, element(I, Segs), Bkt)).

%% Runs F on Key's bucket; F returns {NewBucket, Result}.
with_bucket(Key, F, #dict{segs = Segs} = D) ->
    Slot = slot(Key, D),
    {Bkt, Res} = F(get_bucket(Segs, Slot)),
    {D#dict{segs = put_bucket(Segs, Slot, Bkt)}, Res}.

lookup(Key, [[Key | V] | _]) -> {ok, V};
lookup(Key, [_ | Bkt]) -> lookup(Key, Bkt);
lookup(_, []) -> error.

%% Key's value becomes F(Old), or Init at the bucket's end when new.
upsert(Key, F, Init, D0) ->
    {D1, Added} = with_bucket(Key, fun(B) -> upsert_bkt(Key, F, Init, B) end, D0),
    grow(D1, Added).

upsert_bkt(Key, F, _, [[Key | V] | Bkt]) -> {[[Key | F(V)] | Bkt], 0};
upsert_bkt(Key, F, Init, [C | Bkt0]) ->
    {Bkt, Added} = upsert_bkt(Key, F, Init, Bkt0),
    {[C | Bkt], Added};
upsert_bkt(Key, _, Init, []) -> {[[Key | Init]], 1}.

replace(Key, F, [[Key | V] | Bkt]) -> {[[Key | F(V)] | Bkt], ok};
replace(Key, F, [C | Bkt0]) ->
    {Bkt, Res} = replace(Key, F, Bkt0),
    {[C | Bkt], Res};
replace(_, _, []) -> {[], error}.

remove(Key, [[Key | V] | Bkt]) -> {Bkt, {ok, V}};
remove(Key, [C | Bkt0]) ->
    {Bkt, Res} = remove(Key, Bkt0),
    {[C | Bkt], Res};
remove(_, []) -> {[], error}.

each_bucket(F, Segs) ->
    list_to_tuple([list_to_tuple([F(B) || B <- tuple_to_list(Seg)])
                   || Seg <- tuple_to_list(Segs)]).

count(Segs) ->
    lists:sum([length(B) || Seg <- tuple_to_list(Segs), B <- tuple_to_list(Seg)]).

%% Size grows by Added; past the expansion size, slot N+1 is split off its
%% buddy (the cells keep their order on both sides).
grow(#dict{size = Size, exp_size = Exp} = D0, Added) when Size + Added > Exp ->
    #dict{n = N0, bso = Bso, maxn = MaxN, segs = Segs0} = D = more_segs(D0),
    N = N0 + 1,
    Buddy = N - Bso,
    {Stay, Move} = lists:partition(fun([K | _]) -> erlang:phash(K, MaxN) =:= Buddy end,
                                   get_bucket(Segs0, Buddy)),
    Segs = put_bucket(put_bucket(Segs0, Buddy, Stay), N, Move),
    D#dict{size = Size + Added, n = N, exp_size = N * ?EXPAND,
           con_size = N * ?CONTRACT, segs = Segs};
grow(#dict{size = Size} = D, Added) -> D#dict{size = Size + Added}.

more_segs(#dict{n = N, maxn = N, bso = Bso, segs = Segs, empty = E} = D) ->
    D#dict{maxn = 2 * N, bso = 2 * Bso,
           segs = list_to_tuple(tuple_to_list(Segs)
                                ++ lists:duplicate(tuple_size(Segs), E))};
more_segs(D) -> D.

%% Size drops by Removed; under the contraction size, the last slot is
%% merged back into its buddy (one slot per call, as erl).
shrink(#dict{size = Size, con_size = Con, n = N, bso = Bso, segs = Segs0} = D,
       Removed) when Size - Removed < Con, N > ?SEG ->
    Buddy = N - Bso,
    Segs = put_bucket(put_bucket(Segs0, Buddy, get_bucket(Segs0, Buddy)
                                 ++ get_bucket(Segs0, N)), N, []),
    N1 = N - 1,
    D1 = D#dict{size = Size - Removed, n = N1, exp_size = N1 * ?EXPAND,
                con_size = N1 * ?CONTRACT, segs = Segs},
    case N1 =:= Bso of
        true ->
            D1#dict{maxn = D1#dict.maxn div 2, bso = Bso div 2,
                    segs = list_to_tuple(lists:sublist(tuple_to_list(Segs),
                                                       tuple_size(Segs) div 2))};
        false -> D1
    end;
shrink(#dict{size = Size} = D, Removed) -> D#dict{size = Size - Removed}.
