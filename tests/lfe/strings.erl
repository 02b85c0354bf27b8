-module(strings).
-export([main/0]).
strip_prefix("hello " ++ Rest) -> Rest;
strip_prefix(S) -> S.
main() ->
  io:format("~p~n", ["tab\there A\\ \"q\""]),
  io:format("~p~n", [[$a, $Z, $A, $$]]),
  io:format("~p~n", [[strip_prefix("hello world"), strip_prefix("bye")]]),
  io:format("~p~n", ["abc" ++ "def"]),
  io:format("~p~n", [[length("four"), lists:reverse("abc"), hd("xyz")]]),
  io:format("~p~n", [[list_to_atom("dyn"), atom_to_list(at), integer_to_list(255, 16)]]),
  io:format("~p~n", [[binary_to_list(<<"bin">>), list_to_binary("lst"), string:tokens("a,b,c", ",")]]),
  io:format("~p~n", [lists:flatten(io_lib:format("~4..0B", [7]))]).
