-module(map_update).
-export([main/0]).
bump(#{n := N} = M) -> M#{n := N + 1}.
kind(#{type := circle, r := R}) -> {circle, R};
kind(#{type := square}) -> square;
kind(_) -> unknown.
main() ->
  M = #{n => 1, name => "x"},
  io:format("~p~n", [bump(bump(M))]),
  io:format("~p~n", [M#{name := "y"}]),
  io:format("~p~n", [M#{extra => yes}]),
  io:format("~p~n", [M#{n := 10, name := z}]),
  io:format("~p~n", [element(1, element(2, catch (M#{missing := 1})))]),
  io:format("~p~n", [lists:map(fun kind/1, [#{type => circle, r => 2}, #{type => square, side => 1}, #{}])]),
  io:format("~p~n", [case M of #{name := Nm} -> Nm end]),
  io:format("~p~n", [maps:to_list(maps:remove(n, M#{a => 1}))]).
