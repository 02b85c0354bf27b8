-module(exceptions).
-export([main/0]).
safe(F) ->
  try F() of
    {ok, V} -> {value, V};
    Other -> {other, Other}
  catch
    throw:T -> {thrown, T};
    error:E -> {error, E};
    exit:X -> {exited, X}
  end.
main() ->
  io:format("~p~n", [safe(fun() -> {ok, 1} end)]),
  io:format("~p~n", [safe(fun() -> plain end)]),
  io:format("~p~n", [safe(fun() -> throw(ball) end)]),
  io:format("~p~n", [safe(fun() -> error(oops) end)]),
  io:format("~p~n", [safe(fun() -> exit(bye) end)]),
  io:format("~p~n", [safe(fun() -> 1 / zero() end)]),
  io:format("~p~n", [safe(fun() -> case three() of 1 -> one end end)]),
  io:format("~p~n", [safe(fun() -> 1 = two(), x end)]),
  io:format("~p~n", [catch throw(caught)]),
  try io:format("body~n") after io:format("after~n") end,
  io:format("~p~n", [try (try error(inner) catch _:_ -> io:format("rethrow~n"), erlang:raise(error, again, []) end)
                     catch C:R -> {C, R} end]).
zero() -> 0.
three() -> 3.
two() -> 2.
