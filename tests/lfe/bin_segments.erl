-module(bin_segments).
-export([main/0]).
main() ->
  io:format("~p~n", [<<1:16, 2:16/little, -1:8/signed>>]),
  io:format("~p~n", [<<3:4, 5:4>>]),
  io:format("~p~n", [<<1.5/float, 2.0:32/float>>]),
  io:format("~p~n", [<<(<<"abc">>)/binary, 955/utf8, 65/utf16>>]),
  io:format("~p~n", [<<5:3, 1:1>>]),
  io:format("~p~n", [<<7:2/unit:8>>]),
  <<A:16/little, B:8/signed, Rest/binary>> = <<1, 2, 255, 9, 9>>,
  io:format("~p~n", [[A, B, Rest]]),
  <<Len:8, Str:Len/binary, Tail/bitstring>> = <<3, 97, 98, 99, 100, 1>>,
  io:format("~p~n", [[Len, Str, Tail]]),
  <<F:64/float, C/utf8, _/binary>> = <<3.25/float, 8364/utf8, "x">>,
  io:format("~p~n", [[F, C]]),
  <<X:4, Y/bitstring>> = <<171:8, 1:2>>,
  io:format("~p~n", [[X, Y, bit_size(Y)]]),
  io:format("~p~n", [<<(<<1, 2>>)/binary, (<<3>>)/bytes>>]).
