%% sets (OTP 25 API). Version 2 sets are maps #{Element => []} exactly as
%% in OTP 25 (`sets:new([{version, 2}])`). Simplified: version 1 sets (the
%% default, a hash-table record in OTP) are the same maps here, so they
%% print as maps and to_list/1 returns map order (OTP: hash order).
%% Elements are compared with =:= (1 and 1.0 differ), as in OTP.
-module(sets).
-export([new/0, new/1, from_list/1, from_list/2, is_set/1, size/1,
         is_empty/1, is_element/2, add_element/2, del_element/2, union/2,
         union/1, intersection/2, intersection/1, is_disjoint/2,
         subtract/2, is_subset/2, fold/3, filter/2, to_list/1]).

new() -> #{}.

new(Opts) -> check_opts(Opts), #{}.

%% As OTP: an unknown version is a case_clause.
check_opts(Opts) ->
    case proplists:get_value(version, Opts, 1) of
        1 -> ok;
        2 -> ok
    end.

from_list(L) -> maps:from_keys(L, []).

from_list(L, Opts) -> check_opts(Opts), maps:from_keys(L, []).

is_set(S) -> is_map(S).

size(S) -> map_size(S).

is_empty(S) -> map_size(S) =:= 0.

is_element(E, S) -> is_map_key(E, S).

add_element(E, S) -> S#{E => []}.

del_element(E, S) -> maps:remove(E, S).

union(S1, S2) -> maps:merge(S1, S2).

union(Sets) -> lists:foldl(fun(S, Acc) -> maps:merge(Acc, S) end, #{}, Sets).

intersection(S1, S2) when map_size(S1) > map_size(S2) -> intersection(S2, S1);
intersection(S1, S2) -> maps:filter(fun(E, _) -> is_map_key(E, S2) end, S1).

intersection([S | Ss]) -> lists:foldl(fun(S1, Acc) -> intersection(Acc, S1) end, S, Ss).

is_disjoint(S1, S2) when map_size(S1) > map_size(S2) -> is_disjoint(S2, S1);
is_disjoint(S1, S2) ->
    not lists:any(fun(E) -> is_map_key(E, S2) end, maps:keys(S1)).

subtract(S1, S2) -> maps:filter(fun(E, _) -> not is_map_key(E, S2) end, S1).

is_subset(S1, S2) -> lists:all(fun(E) -> is_map_key(E, S2) end, maps:keys(S1)).

fold(F, Acc, S) when is_function(F, 2) ->
    maps:fold(fun(E, _, A) -> F(E, A) end, Acc, S).

filter(F, S) when is_function(F, 1) -> maps:filter(fun(E, _) -> F(E) end, S).

to_list(S) -> maps:keys(S).
