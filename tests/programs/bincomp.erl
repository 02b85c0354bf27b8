-module(bincomp).
-export([main/0]).
main() ->
    io:format("~p~n", [<< <<(X * 2)>> || <<X>> <= <<1, 2, 3>> >>]),
    io:format("~w~n", [<< <<X:4>> || <<X:4>> <= <<16#ABCD:16>>, X > 11 >>]),
    io:format("~p~n", [[{X, Y} || <<X:4, Y:4>> <= <<16#12, 16#34>>]]),
    io:format("~p~n", [<< <<C>> || C <- "hello", C =/= $l >>]),
    io:format("~p~n", [<< <<(C - 32)>> || <<C>> <= <<"abc">> >>]),
    io:format("~p~n", [<< <<X:3>> || X <- [1, 2, 3, 4, 5] >>]),
    io:format("~p~n", [<< <<X/binary, ",">> || X <- [<<"a">>, <<"bc">>] >>]),
    io:format("~p~n", [[X + Y || <<X>> <= <<1, 2>>, <<Y>> <= <<10, 20>>]]),
    io:format("~p~n", [<< <<X, Y>> || X <- [1, 2], Y <- [3, 4], X + Y =/= 5 >>]),
    io:format("~p~n", [[U || <<U/utf8>> <= <<"añb€"/utf8>>]]),
    io:format("~p~n", [<< <<V:16/little>> || <<V:16/big>> <= <<1, 2, 3, 4>> >>]),
    io:format("~p~n", [[B || <<B:1>> <= <<5:3>>]]),
    io:format("~p~n", [<< <<B:1>> || B <- [1, 0, 1, 1] >>]),
    io:format("~p~n", [[X || <<X:8>> <= <<1, 2, 3:4>>]]),
    io:format("~p~n", [<< <<(byte_size(W))>> || W <- [<<>>, <<"ab">>, <<"cde">>] >>]).
