-module(exception_classes).
-export([main/0]).
risky(X) ->
  if X == a -> throw({thrown, X});
     X == b -> error({bad, X}, [X]);
     X == c -> exit(normal);
     true -> [X]
  end.
wrap(X) ->
  try risky(X) of
    [Y] -> {ok, Y}
  catch
    throw:{thrown, V} -> {throw, V};
    error:R:St -> {error, R, is_list(St)};
    C:R -> {C, R}
  end.
main() ->
  io:format("~p~n", [lists:map(fun wrap/1, [a, b, c, d])]),
  io:format("~p~n", [try erlang:raise(throw, raised, []) catch C:R -> [C, R] end]),
  io:format("~p~n", [try (try throw(1) catch error:_ -> wrong end) catch throw:V -> {outer, V} end]),
  io:format("~p~n", [try 5 of 6 -> six; N -> N * 2 catch _ -> never end]).
