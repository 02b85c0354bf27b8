-module(maps_iteration).
-export([main/0]).
main() ->
  M = maps:from_list([{K, length(atom_to_list(K))} || K <- [c, a, b]]),
  io:format("~p~n", [M]),
  io:format("~p~n", [maps:fold(fun(K, V, Acc) -> [{V, K} | Acc] end, [], M)]),
  io:format("~p~n", [maps:map(fun(_, V) -> V * 10 end, M)]),
  io:format("~p~n", [maps:filter(fun(K, _) -> K =/= b end, M)]),
  io:format("~p~n", [{maps:keys(M), maps:values(M)}]),
  io:format("~p~n", [maps:merge(M, #{a => 100, d => 4})]),
  io:format("~p~n", [[maps:find(a, M), maps:find(z, M), maps:get(z, M, default)]]),
  Nested = #{inner => #{count => 1}},
  io:format("~p~n", [Nested#{inner := (maps:get(inner, Nested))#{count := 2}}]),
  io:format("~p~n", [maps:size(maps:from_list([{I, I} || I <- lists:seq(1, 100)]))]).
