-module(binaries).
-export([main/0]).
parse(<<Len:8, Body:Len/binary, Rest/binary>>) -> {Body, Rest}.
main() ->
  io:format("~p~n", [<<1, 2, 300:16, -1:8/signed>>]),
  io:format("~p~n", [<<1:32/little, 1.5/float, "hi">>]),
  io:format("~p~n", [[<<"abc">>, <<1, 2, 3>>, byte_size(<<"hello">>)]]),
  io:format("~p~n", [parse(<<3, "abcde">>)]),
  <<A:4, B:4, C/bitstring>> = <<171, 1>>,
  io:format("~p~n", [[A, B, C]]),
  io:format("~p~n", [<<<<"xy">>/binary, $z/utf8, 65/utf8>>]),
  <<X/float, _/binary>> = <<2.5/float, 7>>,
  io:format("~p~n", [X]).
