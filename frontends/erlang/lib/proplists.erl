%% proplists (OTP 25 API), our own code from the documented behaviour.
%% An entry is an atom A (short for {A, true}) or a tuple whose first
%% element is the key; keys are compared with =:=; the first entry with a
%% key is the one that counts.
-module(proplists).
-export([property/1, property/2, unfold/1, compact/1, lookup/2,
         lookup_all/2, is_defined/2, get_value/2, get_value/3,
         get_all_values/2, append_values/2, get_bool/2, get_keys/1,
         delete/2, substitute_aliases/2, substitute_negations/2,
         expand/2, normalize/2, split/2, to_map/1, to_map/2, from_map/1]).

property({Key, true}) when is_atom(Key) -> Key;
property(Property) -> Property.

property(Key, true) when is_atom(Key) -> Key;
property(Key, Value) -> {Key, Value}.

unfold([P | Ps]) when is_atom(P) -> [{P, true} | unfold(Ps)];
unfold([P | Ps]) -> [P | unfold(Ps)];
unfold([]) -> [].

compact(List) -> [property(P) || P <- List].

%% The key of an entry, or `none` for terms that are not entries.
key_of(P) when is_atom(P) -> {ok, P};
key_of(P) when is_tuple(P), tuple_size(P) >= 1 -> {ok, element(1, P)};
key_of(_) -> none.

has_key(P, Key) -> key_of(P) =:= {ok, Key}.

lookup(Key, [P | Ps]) ->
    case has_key(P, Key) of
        true when is_atom(P) -> {Key, true};
        true -> P;
        false -> lookup(Key, Ps)
    end;
lookup(_, []) -> none.

lookup_all(Key, [P | Ps]) ->
    case has_key(P, Key) of
        true when is_atom(P) -> [{Key, true} | lookup_all(Key, Ps)];
        true -> [P | lookup_all(Key, Ps)];
        false -> lookup_all(Key, Ps)
    end;
lookup_all(_, []) -> [].

is_defined(Key, [P | Ps]) ->
    has_key(P, Key) orelse is_defined(Key, Ps);
is_defined(_, []) -> false.

get_value(Key, List) -> get_value(Key, List, undefined).

get_value(Key, [P | Ps], Default) ->
    case has_key(P, Key) of
        true when is_atom(P) -> true;
        true ->
            case P of
                {_, Value} -> Value;
                _ -> Default
            end;
        false -> get_value(Key, Ps, Default)
    end;
get_value(_, [], Default) -> Default.

get_all_values(Key, [P | Ps]) ->
    case P of
        {Key, Value} -> [Value | get_all_values(Key, Ps)];
        Key when is_atom(Key) -> [true | get_all_values(Key, Ps)];
        _ -> get_all_values(Key, Ps)
    end;
get_all_values(_, []) -> [].

append_values(Key, [P | Ps]) ->
    case P of
        {Key, Value} when is_list(Value) -> Value ++ append_values(Key, Ps);
        {Key, Value} -> [Value | append_values(Key, Ps)];
        Key when is_atom(Key) -> [true | append_values(Key, Ps)];
        _ -> append_values(Key, Ps)
    end;
append_values(_, []) -> [].

get_bool(Key, [P | Ps]) ->
    case has_key(P, Key) of
        true when is_atom(P) -> true;
        true ->
            case P of
                {_, true} -> true;
                _ -> false
            end;
        false -> get_bool(Key, Ps)
    end;
get_bool(_, []) -> false.

%% get_keys/1: each key once, in the order of a version 1 set, as OTP.
get_keys(Ps) ->
    sets:to_list(lists:foldl(fun sets:add_element/2, sets:new(),
                             [K || P <- Ps, {ok, K} <- [key_of(P)]])).

delete(Key, [P | Ps]) ->
    case has_key(P, Key) of
        true -> delete(Key, Ps);
        false -> [P | delete(Key, Ps)]
    end;
delete(_, []) -> [].

substitute_aliases(As, Props) -> [substitute_alias(As, P) || P <- Props].

substitute_alias([{Key, Key1} | As], P) ->
    case has_key(P, Key) of
        true when is_atom(P) -> property(Key1, true);
        true -> property(setelement(1, P, Key1));
        false -> substitute_alias(As, P)
    end;
substitute_alias([], P) -> P.

substitute_negations(As, Props) -> [substitute_negation(As, P) || P <- Props].

substitute_negation([{Key, Key1} | As], P) ->
    case P of
        {Key, true} -> {Key1, false};
        {Key, false} -> property(Key1, true);
        Key when is_atom(Key) -> {Key1, false};
        _ when is_tuple(P), tuple_size(P) >= 1, element(1, P) =:= Key -> Key1;
        _ -> substitute_negation(As, P)
    end;
substitute_negation([], P) -> P.

%% expand/2: for each {Property, Expansion}, the first entry with the key
%% of Property is replaced by Expansion's terms if it has the same normal
%% form, and later entries with that key are dropped; the result is
%% flattened one level where expansions were inserted.
expand(Es, Ps) when is_list(Ps) ->
    Es1 = [{property(P), V} || {P, V} <- Es],
    flatten_marks(lists:foldl(fun({P, V}, L) -> expand_one(P, V, L) end, Ps, Es1)).

expand_one(P, V, L) ->
    {ok, Key} = key_of(P),
    expand_one(Key, P, V, L).

expand_one(Key, P, V, [P1 | Ps]) ->
    case P1 of
        {'$expand', _} -> [P1 | expand_one(Key, P, V, Ps)];
        _ ->
            case has_key(P1, Key) of
                true ->
                    case property(P1) =:= P of
                        true -> [{'$expand', V} | delete(Key, Ps)];
                        false -> [P1 | Ps]
                    end;
                false -> [P1 | expand_one(Key, P, V, Ps)]
            end
    end;
expand_one(_, _, _, []) -> [].

flatten_marks([{'$expand', V} | Ps]) -> V ++ flatten_marks(Ps);
flatten_marks([P | Ps]) -> [P | flatten_marks(Ps)];
flatten_marks([]) -> [].

normalize(L, [{aliases, As} | Xs]) -> normalize(substitute_aliases(As, L), Xs);
normalize(L, [{expand, Es} | Xs]) -> normalize(expand(Es, L), Xs);
normalize(L, [{negations, Ns} | Xs]) -> normalize(substitute_negations(Ns, L), Xs);
normalize(L, []) -> compact(L).

%% split/2: the entries of each key in Keys (in order), and the rest.
split(List, Keys) ->
    {Store, Rest} = split(List, Keys, #{}, []),
    {[lists:reverse(maps:get(K, Store, [])) || K <- Keys], lists:reverse(Rest)}.

split([P | Ps], Keys, Store, Rest) ->
    case key_of(P) of
        {ok, K} ->
            case lists:member(K, Keys) of
                true -> split(Ps, Keys, Store#{K => [P | maps:get(K, Store, [])]}, Rest);
                false -> split(Ps, Keys, Store, [P | Rest])
            end;
        none -> split(Ps, Keys, Store, [P | Rest])
    end;
split([], _, Store, Rest) -> {Store, Rest}.

to_map(List) ->
    lists:foldr(fun(P, M) when is_atom(P) -> M#{P => true};
                   ({K, V}, M) -> M#{K => V};
                   (_, M) -> M
                end, #{}, List).

to_map(List, Stages) -> to_map(normalize(List, Stages)).

from_map(Map) -> maps:to_list(Map).
