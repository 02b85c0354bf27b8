-module(bc_segments).
-export([main/0]).
main() ->
  io:format("~p~n", [<< <<X:8>> || X <- [1,2,3] >>]),
  io:format("~p~n", [<< <<X:16/little>> || X <- [1,2,3], X > 1 >>]),
  io:format("~p~n", [<< <<(B-32):8>> || <<B:8>> <= <<"hello">> >>]),
  io:format("~p~n", [<< <<S/binary>> || S <- [<<"ab">>, <<"cd">>] >>]),
  io:format("~p~n", [byte_size(<< <<C/utf8>> || C <- [955, 97] >>)]),
  io:format("~p~n", [<< <<X:4>> || <<X:2>> <= <<228>> >>]),
  io:format("~p~n", [[F || <<F:32/float>> <= <<1.5:32/float, 2.5:32/float>>]]),
  io:format("~p~n", [<< <<(X*Y):8>> || X <- [1,2], Y <- [3,4] >>]).
