-module(kvstore).
-export([main/0]).
loop(State) ->
  receive
    {set, Key, Value} -> loop(maps:put(Key, Value, State));
    {get, Key, From, Ref} -> From ! {Ref, maps:get(Key, State, undefined)}, loop(State);
    {stop, From} -> From ! stopped
  end.
call(Pid, Key) ->
  Ref = make_ref(),
  Pid ! {get, Key, self(), Ref},
  receive {R, V} when R =:= Ref -> V after 1000 -> timeout end.
main() ->
  Pid = spawn(fun() -> loop(#{}) end),
  Pid ! {set, a, 1},
  Pid ! {set, b, 2},
  io:format("~p~n", [[call(Pid, a), call(Pid, b), call(Pid, c)]]),
  Pid ! {stop, self()},
  receive M -> io:format("~p~n", [M]) end.
