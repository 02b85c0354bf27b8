-module(processes).
-export([main/0]).
echo() ->
  receive
    {From, Msg} -> From ! {echo, Msg}, echo();
    stop -> ok
  end.
main() ->
  P = spawn(fun() -> echo() end),
  P ! {self(), hello},
  receive {echo, M} -> io:format("~p~n", [M]) end,
  P ! stop,
  self() ! {low, 1},
  self() ! {high, 2},
  receive {high, N} -> io:format("high ~p~n", [N]) end,
  receive {low, N2} -> io:format("low ~p~n", [N2]) end,
  io:format("~p~n", [receive X -> X after 10 -> timeout end]),
  receive Y when is_integer(Y) -> Y after 0 -> io:format("nothing~n") end,
  process_flag(trap_exit, true),
  P2 = spawn_link(fun() -> exit(boom) end),
  receive {'EXIT', From, Reason} -> io:format("~p~n", [[From =:= P2, Reason]]) end,
  P3 = spawn(fun() -> receive _ -> ok end end),
  Ref = monitor(process, P3),
  P3 ! go,
  receive {'DOWN', R, process, _, Reason2} when R =:= Ref -> io:format("down ~p~n", [Reason2]) end,
  register(me, self()),
  me ! registered,
  receive registered -> io:format("registered~n") end.
