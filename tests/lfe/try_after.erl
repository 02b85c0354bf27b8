-module(try_after).
-export([main/0]).
run(L, F) ->
  try F() of
    X -> {ok, X}
  catch C:R -> {caught, C, R}
  after io:format("after ~p~n", [L])
  end.
noisy() ->
  try io:format("in body~n"), done
  after io:format("cleanup~n"), ignored
  end.
main() ->
  io:format("~p~n", [run(one, fun() -> 1 end)]),
  io:format("~p~n", [run(two, fun() -> throw(t) end)]),
  io:format("~p~n", [run(three, fun() -> error(e) end)]),
  io:format("~p~n", [noisy()]),
  io:format("~p~n", [catch (try exit(gone) after io:format("still runs~n") end)]),
  io:format("~p~n", [try 1 + 2 after x end]).
