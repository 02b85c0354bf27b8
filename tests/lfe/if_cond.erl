-module(if_cond).
-export([main/0]).
sign(X) -> if X < 0 -> neg; X > 0 -> pos; true -> zero end.
look(X) ->
  case X of
    {ok, V} -> {value, V};
    [A, B] when is_integer(A) -> A + B;
    _ when is_atom(X) -> atom;
    _ -> other
  end.
main() ->
  io:format("~p~n", [lists:map(fun sign/1, [-3, 0, 8])]),
  io:format("~p~n", [lists:map(fun look/1, [{ok, 1}, [2, 3], [a, b], z, "str"])]),
  io:format("~p~n", [yes]),
  io:format("~p~n", [false]),
  io:format("~p~n", [no]),
  io:format("~p~n", [false]),
  io:format("~p~n", [element(1, element(2, catch (case notbool of true -> a; false -> b end)))]).
