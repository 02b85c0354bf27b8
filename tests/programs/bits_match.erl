-module(bits_match).
-export([main/0]).
main() ->
    <<A:16, B:16/little, C:8/signed, Rest/binary>> = <<1, 2, 3, 4, 255, 9, 10>>,
    io:format("~p ~p ~p ~p~n", [A, B, C, Rest]),
    <<X:3, Y:5, Z/bits>> = <<2#10111111, 2#1010:4>>,
    io:format("~p ~p ~p~n", [X, Y, Z]),
    <<F:32/float, G:64/float-little>> = <<1.25:32/float, 3.5:64/float-little>>,
    io:format("~p ~p~n", [F, G]),
    <<U/utf8, V/utf8, W/binary>> = <<"é€x"/utf8>>,
    io:format("~p ~p ~p~n", [U, V, W]),
    <<U16/utf16, U32/utf32-little>> = <<16#1F600/utf16, $z/utf32-little>>,
    io:format("~p ~p~n", [U16, U32]),
    <<Len:8, Data:Len/binary, Tail/binary>> = <<3, "abcdef">>,
    io:format("~p ~p ~p~n", [Len, Data, Tail]),
    <<H:2/binary-unit:8, _/binary>> = <<"hello">>,
    io:format("~p~n", [H]),
    <<N:4/unit:4>> = <<16#ABCD:16>>,
    io:format("~p~n", [N]),
    io:format("~p~n", [parse(<<1, 2, "hi", 2, 2, 1, 7>>, [])]),
    io:format("~p~n", [words(<<"the quick  brown fox">>, <<>>, [])]),
    io:format("~p~n", [match_nothing(<<1, 2>>)]),
    io:format("~p~n", [case <<-2:16/signed>> of <<S:16/signed>> -> S end]),
    io:format("~p~n", [case <<200>> of <<S2:8/signed>> -> S2 end]),
    io:format("~p~n", [[Bit || <<Bit:1>> <= <<2#10110000>>]]),
    io:format("~p~n", [lists:reverse(bits(<<5:3>>, []))]),
    io:format("~p~n", [try <<_:8, _:8>> = <<1>> catch error:E -> E end]).

parse(<<>>, Acc) -> lists:reverse(Acc);
parse(<<1, Sz:8, Str:Sz/binary, T/binary>>, Acc) -> parse(T, [{str, Str} | Acc]);
parse(<<2, Sz:8, Int:Sz/unit:8, T/binary>>, Acc) -> parse(T, [{int, Int} | Acc]).

words(<<>>, <<>>, Acc) -> lists:reverse(Acc);
words(<<>>, W, Acc) -> lists:reverse([W | Acc]);
words(<<$\s, T/binary>>, <<>>, Acc) -> words(T, <<>>, Acc);
words(<<$\s, T/binary>>, W, Acc) -> words(T, <<>>, [W | Acc]);
words(<<C, T/binary>>, W, Acc) -> words(T, <<W/binary, C>>, Acc).

match_nothing(<<A:8, B:8, C:8>>) -> {three, A, B, C};
match_nothing(<<A:16>>) -> {one16, A};
match_nothing(_) -> other.

bits(<<>>, Acc) -> Acc;
bits(<<B:1, T/bits>>, Acc) -> bits(T, [B | Acc]).
