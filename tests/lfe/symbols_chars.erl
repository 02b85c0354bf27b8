-module(symbols_chars).
-export([main/0]).
main() ->
  io:format("~p~n", [['hello world', 'foo-bar', 'a/b', 'X', 'ok?', '\'q\'']]),
  io:format("~p~n", [[$a, $Z, 16#41, $(, $\s]]),
  io:format("~p~n", [[16#1F, 2#1010, 8#777, 36#LFE, 99, -16#ff]]),
  io:format("~p~n", [[atom_to_list('foo-bar'), list_to_atom("with space"), atom_to_binary('a b', utf8)]]),
  io:format("~p~n", [[a < b, 1 < a, z < {a}, abc == abc]]),
  io:format("~p~n", [lists:sort([b, 'B', a, 'a b', 'A1'])]).
