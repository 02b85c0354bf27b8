-module(receive_after0).
-export([main/0]).
drain(Acc) -> receive M -> drain([M | Acc]) after 0 -> lists:reverse(Acc) end.
poll() -> receive {urgent, X} -> {got, X} after 0 -> nothing end.
main() ->
  io:format("~p~n", [poll()]),
  self() ! a,
  self() ! {urgent, 1},
  self() ! b,
  io:format("~p~n", [poll()]),
  io:format("~p~n", [poll()]),
  T = 2 * 5,
  io:format("~p~n", [receive never -> x after T -> timeout end]),
  io:format("~p~n", [drain([])]),
  io:format("~p~n", [drain([])]).
