-module(timers).
-export([main/0]).
main() ->
  erlang:send_after(30, self(), late),
  erlang:send_after(10, self(), early),
  T = erlang:send_after(20, self(), cancelled),
  io:format("~p~n", [is_integer(erlang:cancel_timer(T))]),
  io:format("~p~n", [receive M -> M end]),
  io:format("~p~n", [receive M2 -> M2 end]),
  io:format("~p~n", [receive M3 -> M3 after 50 -> 'nothing-else' end]),
  timer:sleep(5),
  io:format("~p~n", [erlang:cancel_timer(make_ref())]).
