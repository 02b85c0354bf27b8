-module(maptest).
-export([main/0]).
get_a(#{a := V}) -> V;
get_a(_) -> none.
main() ->
  M = #{a => 1, b => 2},
  M2 = M#{c => 3},
  M3 = M2#{a := 10},
  io:format("~p~n", [M]),
  io:format("~p~n", [[map_get(a, M), map_get(c, M2), map_size(M3), map_size(#{})]]),
  io:format("~p~n", [M3]),
  io:format("~p~n", [M#{b => 20, d => 4}]),
  io:format("~p~n", [maps:remove(b, maps:remove(a, M3))]),
  io:format("~p~n", [[get_a(M), get_a(#{b => 1})]]),
  io:format("~p~n", [#{x => "y", 1 => {t}}]),
  io:format("~p~n", [maps:to_list(M2)]),
  io:format("~p~n", [case catch M#{zz := 1} of {'EXIT', {R, _}} -> R end]).
