-module(arith).
-export([main/0]).
main() ->
  io:format("~p~n", [[1+2+3, 10-1-2, 2*3*4, 10/4, 7 div 2, 7 rem 2]]),
  io:format("~p~n", [[-5, 1.5+2, 12 band 10, 12 bor 10, 12 bxor 10, 1 bsl 10, 1024 bsr 3, bnot 0]]),
  io:format("~p~n", [[1<2, 1>2, 2=<2, 1>=2, 1==1.0, 1=:=1.0, 1/=2, 1=/=1.0]]),
  io:format("~p~n", [99999999999*99999999999*99999999999]),
  io:format("~p~n", [[true and false, false or true, true xor true, not false]]),
  io:format("~p~n", [[(1<2) andalso (2<3), (1<3) andalso (3<2), 16#1F, 2#101, 8#17, 36#ZZ, $a, 1.0e3]]).
