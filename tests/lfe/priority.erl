-module(priority).
-export([main/0]).
handle(Prio, Msg) -> io:format("~p ~p~n", [Prio, Msg]).
priority_loop(0) -> done;
priority_loop(N) ->
  receive
    {high, Msg} -> handle(high, Msg), priority_loop(N - 1)
  after 0 ->
    receive
      {_Prio, Msg} -> handle(normal, Msg), priority_loop(N - 1)
    end
  end.
main() ->
  self() ! {low, 1},
  self() ! {low, 2},
  self() ! {high, 3},
  self() ! {low, 4},
  self() ! {high, 5},
  io:format("~p~n", [priority_loop(5)]).
