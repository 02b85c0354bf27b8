-module(guards).
-export([main/0]).
kind(X) when is_integer(X), X > 100 -> 'big-int';
kind(X) when is_integer(X) -> int;
kind(X) when is_float(X) -> float;
kind(X) when is_list(X), length(X) > 2 -> 'long-list';
kind(X) when is_tuple(X), tuple_size(X) =:= 2, element(1, X) =:= pair -> pair;
kind(X) when is_atom(X) orelse is_binary(X) -> 'atom-or-bin';
kind(X) when is_map(X), is_map_key(k, X) -> 'map-with-k';
kind(_) -> other.
main() ->
  io:format("~p~n", [lists:map(fun kind/1, [500, 5, 1.5, [1, 2, 3], {pair, 1}, a, <<"b">>, #{k => 1}, #{}, [1]])]).
