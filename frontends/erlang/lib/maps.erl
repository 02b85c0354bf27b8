%% The higher-order part of the maps module, written in Erlang; the rest
%% (get/put/remove/keys/to_list/iterator/next/...) is native in the runtime
%% (runtime/src/bif/maps.rs). Results and errors follow OTP 25's maps.erl:
%% {badmap, M} when M is not a map, badarg when a fun has the wrong arity.
%% Iteration visits keys in ascending term order (spec/runtime.md, Maps).
-module(maps).
-export([fold/3, map/2, filter/2, filtermap/2, foreach/2, update_with/3,
         update_with/4, groups_from_list/2, groups_from_list/3, intersect/2,
         intersect_with/3, merge_with/3]).

fold(Fun, Init, Map) when is_function(Fun, 3), is_map(Map) ->
    fold_list(Fun, Init, maps:to_list(Map));
fold(Fun, Init, Iter) when is_function(Fun, 3), is_list(Iter) ->
    fold_iter(Fun, Init, maps:next(Iter));
fold(_Fun, _Init, Map) ->
    erlang:error(error_type(Map)).

fold_list(Fun, Acc, [{K, V} | T]) ->
    fold_list(Fun, Fun(K, V, Acc), T);
fold_list(_Fun, Acc, []) ->
    Acc.

fold_iter(Fun, Acc, {K, V, I}) ->
    fold_iter(Fun, Fun(K, V, Acc), maps:next(I));
fold_iter(_Fun, Acc, none) ->
    Acc.

map(Fun, Map) when is_function(Fun, 2), is_map(Map) ->
    maps:from_list([{K, Fun(K, V)} || {K, V} <- maps:to_list(Map)]);
map(_Fun, Map) ->
    erlang:error(error_type(Map)).

filter(Pred, Map) when is_function(Pred, 2), is_map(Map) ->
    maps:from_list([{K, V} || {K, V} <- maps:to_list(Map), Pred(K, V)]);
filter(_Pred, Map) ->
    erlang:error(error_type(Map)).

filtermap(Fun, Map) when is_function(Fun, 2), is_map(Map) ->
    maps:from_list(filtermap_list(Fun, maps:to_list(Map)));
filtermap(_Fun, Map) ->
    erlang:error(error_type(Map)).

filtermap_list(Fun, [{K, V} | T]) ->
    case Fun(K, V) of
        true -> [{K, V} | filtermap_list(Fun, T)];
        {true, NewV} -> [{K, NewV} | filtermap_list(Fun, T)];
        false -> filtermap_list(Fun, T)
    end;
filtermap_list(_Fun, []) ->
    [].

foreach(Fun, Map) when is_function(Fun, 2), is_map(Map) ->
    lists:foreach(fun({K, V}) -> Fun(K, V) end, maps:to_list(Map));
foreach(_Fun, Map) ->
    erlang:error(error_type(Map)).

update_with(Key, Fun, Map) when is_function(Fun, 1), is_map(Map) ->
    case Map of
        #{Key := Value} -> Map#{Key := Fun(Value)};
        #{} -> erlang:error({badkey, Key})
    end;
update_with(_Key, _Fun, Map) ->
    erlang:error(error_type(Map)).

update_with(Key, Fun, Init, Map) when is_function(Fun, 1), is_map(Map) ->
    case Map of
        #{Key := Value} -> Map#{Key := Fun(Value)};
        #{} -> Map#{Key => Init}
    end;
update_with(_Key, _Fun, _Init, Map) ->
    erlang:error(error_type(Map)).

groups_from_list(Fun, List) when is_function(Fun, 1), is_list(List) ->
    groups(fun(X) -> {Fun(X), X} end, List);
groups_from_list(_Fun, _List) ->
    erlang:error(badarg).

groups_from_list(Fun, ValueFun, List)
  when is_function(Fun, 1), is_function(ValueFun, 1), is_list(List) ->
    groups(fun(X) -> {Fun(X), ValueFun(X)} end, List);
groups_from_list(_Fun, _ValueFun, _List) ->
    erlang:error(badarg).

%% Groups keep the order of the list: collect reversed, then reverse each.
groups(KV, List) ->
    Rev = lists:foldl(fun(X, Acc) ->
                              {K, V} = KV(X),
                              case Acc of
                                  #{K := Vs} -> Acc#{K := [V | Vs]};
                                  #{} -> Acc#{K => [V]}
                              end
                      end, #{}, List),
    maps:map(fun(_K, Vs) -> lists:reverse(Vs) end, Rev).

intersect(Map1, Map2) when is_map(Map1), is_map(Map2) ->
    intersect_with(fun(_K, _V1, V2) -> V2 end, Map1, Map2);
intersect(Map1, Map2) ->
    erlang:error(error_type_two_maps(Map1, Map2)).

intersect_with(Combiner, Map1, Map2)
  when is_function(Combiner, 3), is_map(Map1), is_map(Map2) ->
    maps:from_list([{K, Combiner(K, V1, V2)}
                    || {K, V1} <- maps:to_list(Map1),
                       {ok, V2} <- [maps:find(K, Map2)]]);
intersect_with(_Combiner, Map1, Map2) ->
    erlang:error(error_type_two_maps(Map1, Map2)).

merge_with(Combiner, Map1, Map2)
  when is_function(Combiner, 3), is_map(Map1), is_map(Map2) ->
    fold(fun(K, V2, Acc) ->
                 case Acc of
                     #{K := V1} -> Acc#{K := Combiner(K, V1, V2)};
                     #{} -> Acc#{K => V2}
                 end
         end, Map1, Map2);
merge_with(_Combiner, Map1, Map2) ->
    erlang:error(error_type_two_maps(Map1, Map2)).

error_type(M) when is_map(M) -> badarg;
error_type(V) -> {badmap, V}.

error_type_two_maps(M1, M2) when is_map(M1) -> error_type(M2);
error_type_two_maps(M1, _M2) -> {badmap, M1}.
