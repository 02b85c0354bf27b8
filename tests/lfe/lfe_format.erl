-module(lfe_format).
-export([main/0]).
main() ->
  io:format("~s and ~s~n", ["str", <<"bin">>]),
  io:format("~b ~.16b ~8.2.0b ~.16x ~.8X~n", [42, 255, 5, 255, "0x", 64, "0o"]),
  io:format("~c~c~3c~n", [104, 105, 33]),
  io:format("~f ~.2f ~10.3f ~e ~g~n", [3.14159, 2.5, 1.0, 12345.678, 0.5]),
  io:format("~i~s~n", [ignored, "shown"]),
  io:format("~10s|~-8s|~.3s~n", ["right", "left", "truncate"]),
  io:format("~~ ~n"),
  io:format("~p ~p ~w~n", [42, atom, 1.5]),
  io:format("~ts~n", ["tx"]),
  io:format("~s~n", [io_lib:format("~b-~s", [7, "x"])]).
