-module(counter_server).
-export([main/0]).
start() -> register(counter, spawn(fun() -> loop(0) end)), ok.
loop(N) ->
  receive
    {call, From, Ref, get} -> From ! {Ref, N}, loop(N);
    {call, From, Ref, {add, K}} -> From ! {Ref, ok}, loop(N + K);
    {call, From, Ref, stop} -> From ! {Ref, stopping}
  end.
call(Msg) ->
  Ref = make_ref(),
  counter ! {call, self(), Ref, Msg},
  receive {Ref, Reply} -> Reply after 1000 -> timeout end.
main() ->
  io:format("~p~n", [start()]),
  io:format("~p~n", [call(get)]),
  lists:foreach(fun(K) -> call({add, K}) end, lists:seq(1, 10)),
  io:format("~p~n", [call(get)]),
  Ref = monitor(process, whereis(counter)),
  io:format("~p~n", [call(stop)]),
  receive {'DOWN', Ref, _, _, R} -> io:format("~p~n", [R]) end,
  io:format("~p~n", [whereis(counter)]).
