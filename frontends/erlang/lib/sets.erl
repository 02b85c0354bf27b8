%% sets (OTP 25 API). Version 2 sets are maps #{Element => []} exactly as
%% in OTP 25 (`sets:new([{version, 2}])`). Version 1 sets (the default)
%% have OTP's representation, a linear hash table
%% {set, Size, N, MaxN, Bso, ExpSize, ConSize, EmptySeg, Segs} laid out as
%% dict's (see dict.erl) with the elements themselves in the buckets; a new
%% element goes at the front of its bucket. So they print and list their
%% elements as erl's do (fixture sets_otp). Elements are compared with =:=.
%% Operations on two sets of different versions work as in OTP.
-module(sets).
-compile({no_auto_import, [size/1]}).

-define(SEG, 16).
-define(EXPAND, 5).
-define(CONTRACT, 3).

-record(set, {size = 0, n = ?SEG, maxn = ?SEG, bso = ?SEG div 2,
              exp_size = ?SEG * ?EXPAND, con_size = ?SEG * ?CONTRACT,
              empty, segs}).
-export([new/0, new/1, from_list/1, from_list/2, is_set/1, size/1,
         is_empty/1, is_element/2, add_element/2, del_element/2, union/2,
         union/1, intersection/2, intersection/1, is_disjoint/2,
         subtract/2, is_subset/2, fold/3, filter/2, to_list/1]).

new() ->
    Empty = erlang:make_tuple(?SEG, []),
    #set{empty = Empty, segs = {Empty}}.

new(Opts) ->
    case check_opts(Opts) of
        1 -> new();
        2 -> #{}
    end.

%% As OTP: an unknown version is a case_clause.
check_opts(Opts) ->
    case proplists:get_value(version, Opts, 1) of
        1 -> 1;
        2 -> 2
    end.

from_list(L) -> lists:foldl(fun add_element/2, new(), L).

from_list(L, Opts) ->
    case check_opts(Opts) of
        1 -> from_list(L);
        2 -> maps:from_keys(L, [])
    end.

is_set(#{}) -> true;
is_set(#set{}) -> true;
is_set(_) -> false.

size(#{} = S) -> map_size(S);
size(#set{size = N}) -> N.

is_empty(S) -> size(S) =:= 0.

is_element(E, #{} = S) -> is_map_key(E, S);
is_element(E, #set{} = S) -> lists:member(E, bucket_of(E, S)).

add_element(E, #{} = S) -> S#{E => []};
add_element(E, #set{segs = Segs} = S) ->
    Slot = slot(E, S),
    Bkt = get_bucket(Segs, Slot),
    case lists:member(E, Bkt) of
        true -> S;
        false -> grow(S#set{segs = put_bucket(Segs, Slot, [E | Bkt])})
    end.

del_element(E, #{} = S) -> maps:remove(E, S);
del_element(E, #set{segs = Segs} = S) ->
    Slot = slot(E, S),
    Bkt = get_bucket(Segs, Slot),
    case lists:member(E, Bkt) of
        false -> S;
        true -> shrink(S#set{segs = put_bucket(Segs, Slot, lists:delete(E, Bkt))}, 1)
    end.

%% Mixed versions (and two version 1 sets): the smaller set's elements are
%% added to the bigger one, as OTP does.
union(#{} = S1, #{} = S2) -> maps:merge(S1, S2);
union(S1, S2) ->
    case size(S1) < size(S2) of
        true -> fold(fun add_element/2, S2, S1);
        false -> fold(fun add_element/2, S1, S2)
    end.

union([]) -> new();
union([S | Ss]) -> lists:foldl(fun(S1, Acc) -> union(Acc, S1) end, S, Ss).

intersection(#{} = S1, #{} = S2) when map_size(S1) > map_size(S2) -> intersection(S2, S1);
intersection(#{} = S1, #{} = S2) -> maps:filter(fun(E, _) -> is_map_key(E, S2) end, S1);
intersection(S1, S2) ->
    case size(S1) < size(S2) of
        true -> filter(fun(E) -> is_element(E, S2) end, S1);
        false -> filter(fun(E) -> is_element(E, S1) end, S2)
    end.

intersection([S | Ss]) -> lists:foldl(fun(S1, Acc) -> intersection(Acc, S1) end, S, Ss).

is_disjoint(S1, S2) ->
    {Small, Big} = case size(S1) < size(S2) of
                       true -> {S1, S2};
                       false -> {S2, S1}
                   end,
    not lists:any(fun(E) -> is_element(E, Big) end, to_list(Small)).

subtract(#{} = S1, #{} = S2) -> maps:filter(fun(E, _) -> not is_map_key(E, S2) end, S1);
subtract(S1, S2) -> filter(fun(E) -> not is_element(E, S2) end, S1).

is_subset(S1, S2) -> lists:all(fun(E) -> is_element(E, S2) end, to_list(S1)).

fold(F, Acc, #{} = S) when is_function(F, 2) ->
    maps:fold(fun(E, _, A) -> F(E, A) end, Acc, S);
%% Slots from the last to the first, each bucket in order.
fold(F, Acc, #set{segs = Segs}) when is_function(F, 2) ->
    lists:foldr(
      fun(Seg, A0) ->
              lists:foldr(fun(Bkt, A1) -> lists:foldl(F, A1, Bkt) end,
                          A0, tuple_to_list(Seg))
      end, Acc, tuple_to_list(Segs)).

filter(F, #{} = S) when is_function(F, 1) -> maps:filter(fun(E, _) -> F(E) end, S);
%% As OTP, each kept bucket comes out reversed.
filter(F, #set{segs = Segs, size = Size} = S) when is_function(F, 1) ->
    Kept = list_to_tuple(
             [list_to_tuple([lists:reverse([E || E <- Bkt, F(E)])
                             || Bkt <- tuple_to_list(Seg)])
              || Seg <- tuple_to_list(Segs)]),
    Left = lists:sum([length(B) || Seg <- tuple_to_list(Kept), B <- tuple_to_list(Seg)]),
    shrink(S#set{segs = Kept}, Size - Left).

to_list(#{} = S) -> maps:keys(S);
to_list(#set{} = S) -> fold(fun(E, L) -> [E | L] end, [], S).

%% --- the table (as dict.erl) ---

slot(E, #set{maxn = MaxN, n = N, bso = Bso}) ->
    case erlang:phash(E, MaxN) of
        H when H > N -> H - Bso;
        H -> H
    end.

bucket_of(E, #set{segs = Segs} = S) -> get_bucket(Segs, slot(E, S)).

get_bucket(Segs, Slot) ->
    element((Slot - 1) rem ?SEG + 1, element((Slot - 1) div ?SEG + 1, Segs)).

put_bucket(Segs, Slot, Bkt) ->
    I = (Slot - 1) div ?SEG + 1,
    setelement(I, Segs, setelement((Slot - 1) rem ?SEG + 1, element(I, Segs), Bkt)).

grow(#set{size = Size, exp_size = Exp} = S0) when Size + 1 > Exp ->
    #set{n = N0, bso = Bso, maxn = MaxN, segs = Segs0} = S = more_segs(S0),
    N = N0 + 1,
    Buddy = N - Bso,
    {Stay, Move} = lists:partition(fun(E) -> erlang:phash(E, MaxN) =:= Buddy end,
                                   get_bucket(Segs0, Buddy)),
    Segs = put_bucket(put_bucket(Segs0, Buddy, Stay), N, Move),
    S#set{size = Size + 1, n = N, exp_size = N * ?EXPAND,
          con_size = N * ?CONTRACT, segs = Segs};
grow(#set{size = Size} = S) -> S#set{size = Size + 1}.

more_segs(#set{n = N, maxn = N, bso = Bso, segs = Segs, empty = E} = S) ->
    S#set{maxn = 2 * N, bso = 2 * Bso,
          segs = list_to_tuple(tuple_to_list(Segs)
                               ++ lists:duplicate(tuple_size(Segs), E))};
more_segs(S) -> S.

shrink(#set{size = Size, con_size = Con, n = N, bso = Bso, segs = Segs0} = S,
       Removed) when Size - Removed < Con, N > ?SEG ->
    Buddy = N - Bso,
    Segs = put_bucket(put_bucket(Segs0, Buddy, get_bucket(Segs0, Buddy)
                                 ++ get_bucket(Segs0, N)), N, []),
    N1 = N - 1,
    S1 = S#set{size = Size - Removed, n = N1, exp_size = N1 * ?EXPAND,
               con_size = N1 * ?CONTRACT, segs = Segs},
    case N1 =:= Bso of
        true ->
            S1#set{maxn = S1#set.maxn div 2, bso = Bso div 2,
                   segs = list_to_tuple(lists:sublist(tuple_to_list(Segs),
                                                      tuple_size(Segs) div 2))};
        false -> S1
    end;
shrink(#set{size = Size} = S, Removed) -> S#set{size = Size - Removed}.
