-module(binaries).
-export([main/0]).

%% A size bound in the same pattern (<<Len:8, Data:Len/binary>>) runs on
%% eubeam, but its IR is not yet split the way v3_core does, so erlc
%% +from_core would reject it: written as nested matches here.
parse(<<Len:8, Rest0/binary>> = All) ->
    case Rest0 of
        <<Data:Len/binary, Rest/binary>> -> {Data, Rest};
        _ -> {error, All}
    end;
parse(Other) -> {error, Other}.

sum(<<>>, Acc) -> Acc;
sum(<<X:8, Rest/binary>>, Acc) -> sum(Rest, Acc + X).

bad_construct(V) ->
    try <<V:8>> catch error:R -> {caught, R} end.

main() ->
    B = <<1, 2, 3>>,
    io:format("~p ~p ~w~n", [B, byte_size(B), <<"abc">>]),
    io:format("~w~n", [<<"héllo"/utf8>>]),
    io:format("~s and ~s~n", [<<"bin">>, [<<"io">>, "list"]]),
    io:format("~p~n", [parse(<<3, "abcdef">>)]),
    io:format("~p~n", [parse(<<9, "ab">>)]),
    io:format("~p~n", [sum(<<1, 2, 3, 4, 250>>, 0)]),
    <<A:4, B2:4, C:16/little, D/binary>> = <<16#AB, 1, 2, "xyz">>,
    io:format("~p ~p ~p ~p~n", [A, B2, C, D]),
    <<F:64/float>> = <<1.5/float>>,
    io:format("~p~n", [F]),
    io:format("~p~n", [<<1:3, 5:5, 7:4>>]),
    io:format("~w~n", [<<-1:16/signed, 300:16/little>>]),
    <<S:16/signed>> = <<255, 254>>,
    io:format("~p~n", [S]),
    io:format("~p~n", [[X * 2 || <<X:8>> <= <<1, 2, 3>>]]),
    io:format("~p~n", [<< <<(X + 1)>> || <<X>> <= <<"abc">> >>]),
    io:format("~p~n", [<< <<X:4>> || X <- [1, 2, 3, 4]>>]),
    io:format("~p~n", [[{K, V} || <<K:8, V:8>> <= <<1, 2, 3, 4, 5>>, K > 1]]),
    io:format("~p~n", [binary_to_list(<<"hello">>)]),
    io:format("~p~n", [list_to_binary([104, [101, <<"ll">>], 111])]),
    io:format("~p~n", [iolist_size([1, <<2, 3>>, [4]])]),
    io:format("~p~n", [binary:split(<<"a,b,c">>, <<",">>, [global])]),
    io:format("~p~n", [binary:replace(<<"hello world">>, <<"o">>, <<"0">>, [global])]),
    io:format("~p~n", [binary:match(<<"hello">>, <<"ll">>)]),
    io:format("~p~n", [{atom_to_binary(hello), binary_to_atom(<<"world">>), integer_to_binary(42), binary_to_integer(<<"-17">>)}]),
    io:format("~p~n", [{binary_part(<<"hello">>, 1, 3), split_binary(<<"hello">>, 2)}]),
    io:format("~p~n", [{bit_size(<<1:3>>), is_binary(<<1:3>>), is_bitstring(<<1:3>>), bitstring_to_list(<<1, 2:3>>)}]),
    io:format("~p~n", [[<<"b">> < <<"ab">>, <<"abc">> > [1], <<1:1>> < <<0:2>>, <<"a">> == <<"a">>]]),
    Big = binary:copy(<<"xy">>, 100),
    <<First:10/binary, _/binary>> = Big,
    io:format("~p ~p~n", [byte_size(Big), First]),
    case <<"GET /index">> of
        <<"GET ", Path/binary>> -> io:format("path ~s~n", [Path]);
        _ -> io:format("other~n")
    end,
    io:format("~p~n", [bad_construct(foo)]),
    io:format("~p~n", [{binary:decode_unsigned(<<1, 0>>), binary:encode_unsigned(258), binary:at(<<"abc">>, 1), binary:first(<<"abc">>), binary:last(<<"abc">>)}]),
    <<U/utf8, _/binary>> = <<"€uro"/utf8>>,
    io:format("~p~n", [U]),
    io:format("~w~n", [<<"€"/utf16>>]),
    ok.
