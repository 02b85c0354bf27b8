-module(tq_strings).
-export([main/0]).
main() ->
  io:format("~p~n", ["first line\n  indented \"quoted\" \\n raw\nlast"]),
  io:format("~p~n", [<<"binary">>]),
  io:format("~p~n", [["", "", "x \"\"\" y"]]),
  io:format("~s~n", ["(defun f () 'ok)"]).
