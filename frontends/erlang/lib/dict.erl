%% dict (OTP 25 API). Simplified: a dict is {dict, Map} here (OTP: a
%% hash-table record), so it prints differently and to_list/1, fetch_keys/1,
%% fold/3 go in map key order (OTP: hash order). Keys are compared with =:=
%% as in OTP; fetch/2 of a missing key is badarg, update/3 badarg too.
-module(dict).
-export([new/0, is_key/2, to_list/1, from_list/1, size/1, is_empty/1,
         fetch/2, find/2, fetch_keys/1, erase/2, take/2, store/3, append/3,
         append_list/3, update/3, update/4, update_counter/3, fold/3, map/2,
         filter/2, merge/3]).

new() -> {dict, #{}}.

is_key(Key, {dict, M}) -> is_map_key(Key, M).

to_list({dict, M}) -> maps:to_list(M).

from_list(L) -> lists:foldl(fun({K, V}, D) -> store(K, V, D) end, new(), L).

size({dict, M}) -> map_size(M).

is_empty({dict, M}) -> map_size(M) =:= 0.

fetch(Key, {dict, M} = D) ->
    case M of
        #{Key := V} -> V;
        _ -> erlang:error(badarg, [Key, D])
    end.

find(Key, {dict, M}) ->
    case M of
        #{Key := V} -> {ok, V};
        _ -> error
    end.

fetch_keys({dict, M}) -> maps:keys(M).

erase(Key, {dict, M}) -> {dict, maps:remove(Key, M)}.

take(Key, {dict, M}) ->
    case M of
        #{Key := V} -> {V, {dict, maps:remove(Key, M)}};
        _ -> error
    end.

store(Key, V, {dict, M}) -> {dict, M#{Key => V}}.

append(Key, V, {dict, M}) ->
    case M of
        #{Key := Old} -> {dict, M#{Key := Old ++ [V]}};
        _ -> {dict, M#{Key => [V]}}
    end.

append_list(Key, L, {dict, M}) ->
    case M of
        #{Key := Old} -> {dict, M#{Key := Old ++ L}};
        _ -> {dict, M#{Key => L}}
    end.

update(Key, F, {dict, M} = D) ->
    case M of
        #{Key := V} -> {dict, M#{Key := F(V)}};
        _ -> erlang:error(badarg, [Key, F, D])
    end.

update(Key, F, Init, {dict, M}) ->
    case M of
        #{Key := V} -> {dict, M#{Key := F(V)}};
        _ -> {dict, M#{Key => Init}}
    end.

update_counter(Key, Incr, {dict, M}) when is_number(Incr) ->
    case M of
        #{Key := V} -> {dict, M#{Key := V + Incr}};
        _ -> {dict, M#{Key => Incr}}
    end.

fold(F, Acc, {dict, M}) when is_function(F, 3) -> maps:fold(F, Acc, M).

map(F, {dict, M}) when is_function(F, 2) -> {dict, maps:map(F, M)}.

filter(F, {dict, M}) when is_function(F, 2) -> {dict, maps:filter(F, M)}.

merge(F, {dict, M1}, {dict, M2}) when is_function(F, 3) ->
    {dict, maps:merge_with(F, M1, M2)}.
