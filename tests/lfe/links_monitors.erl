-module(links_monitors).
-export([main/0]).
worker(Parent) ->
  receive
    {work, N} -> Parent ! {result, self(), N * N}, worker(Parent);
    crash -> exit(crashed);
    stop -> ok
  end.
main() ->
  process_flag(trap_exit, true),
  Me = self(),
  W = spawn_link(fun() -> worker(Me) end),
  W ! {work, 7},
  receive {result, W = From, R} -> io:format("~p~n", [{From =:= W, R}]) end,
  W ! crash,
  receive {'EXIT', W, Reason} -> io:format("~p~n", [{exit, Reason}]) end,
  W2 = spawn(fun() -> worker(Me) end),
  Ref = monitor(process, W2),
  W2 ! stop,
  receive {'DOWN', Ref = R2, process, _, Reason2} -> io:format("~p~n", [{down, is_reference(R2), Reason2}]) end,
  W3 = spawn(fun() -> receive _ -> exit(boom) end end),
  Ref3 = monitor(process, W3),
  W3 ! go,
  receive {'DOWN', Ref3, process, _, Reason3} -> io:format("~p~n", [{down, Reason3}]) end,
  W4 = spawn(fun() -> receive _ -> ok end end),
  Ref4 = monitor(process, W4),
  io:format("~p~n", [demonitor(Ref4, [flush])]),
  W4 ! go,
  io:format("~p~n", [receive {'DOWN', _, _, _, _} -> down after 50 -> 'no-down' end]),
  Middle = spawn(fun() -> spawn_link(fun() -> exit(chain) end), receive _ -> never end end),
  monitor(process, Middle),
  receive {'DOWN', _, process, _, Reason5} -> io:format("~p~n", [{'middle-died', Reason5}]) end.
