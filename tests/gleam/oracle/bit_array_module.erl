%% The Erlang program equivalent to tests/gleam/run/bit_array_module.gleam;
%% its output, run by erl, is bit_array_module.expected. Gleam's Ok/Error
%% and inspect formatting are written out by hand around OTP's own
%% base64/binary functions.
-module(bit_array_module).
-export([main/0]).

p(S) -> io:format("~s~n", [S]).
q(B) -> "\"" ++ binary_to_list(B) ++ "\"".
bits(B) -> case bit_size(B) rem 8 of 0 -> bytes(B); R -> N = byte_size(B) - 1, <<H:N/binary, T:R>> = B, "<<" ++ lists:join(", ", [integer_to_list(X) || <<X>> <= H] ++ [integer_to_list(T) ++ ":size(" ++ integer_to_list(R) ++ ")"]) ++ ">>" end.
bytes(B) -> "<<" ++ lists:join(", ", [integer_to_list(X) || <<X>> <= B]) ++ ">>".
dec64(S) -> try {ok, base64:decode(S)} catch _:_ -> error end.
dec16(S) -> try {ok, binary:decode_hex(S)} catch _:_ -> error end.
res({ok, B}, F) -> "Ok(" ++ F(B) ++ ")";
res(error, _) -> "Error(Nil)".
slice(B, At, Len) when Len < 0 -> slice(B, At + Len, -Len);
slice(B, At, Len) -> try {ok, binary:part(B, At, Len)} catch _:_ -> error end.
cmp(A, B) when A < B -> "Lt"; cmp(A, B) when A > B -> "Gt"; cmp(_, _) -> "Eq".
utf8(B) -> case unicode:characters_to_binary(B) of B -> {ok, B}; _ -> error end.

main() ->
    B = <<"hello">>,
    p(integer_to_list(byte_size(B))),
    p(integer_to_list(bit_size(B))),
    p(base64:encode(B)),
    p(base64:encode(<<"hi">>)),
    p(string:trim(base64:encode(<<"hi">>), trailing, "=")),
    p(binary:replace(binary:replace(base64:encode(<<251, 255>>), <<"+">>, <<"-">>), <<"/">>, <<"_">>)),
    p(res(dec64(<<"aGk=">>), fun q/1)),
    p(res(dec64(<<"aGVsbG8=">>), fun q/1)),
    p(res(dec64(<<"a*==">>), fun q/1)),
    p(res(dec64(<<"+/8=">>), fun bytes/1)),
    p(binary:encode_hex(<<1, 171, 255>>)),
    p(res(dec16(<<"01abFF">>), fun bytes/1)),
    p(res(dec16(<<"0g">>), fun bytes/1)),
    p(res(slice(B, 1, 3), fun q/1)),
    p(res(slice(B, 5, -2), fun q/1)),
    p(res(slice(B, 4, 3), fun q/1)),
    p(res(utf8(<<104, 105>>), fun q/1)),
    p(res(utf8(<<255>>), fun q/1)),
    p(case utf8(<<"é"/utf8>>) of {ok, _} -> "True"; error -> "False" end),
    p(bytes(<<1, 2, 3>>)),
    p(bits(<<1, 3:2>>)),
    p(bytes(iolist_to_binary([<<1>>, <<2, 3>>, <<>>]))),
    p(bytes(<<1, 2>>)),
    p(cmp(<<1, 2>>, <<1, 3>>)),
    p(cmp(<<1, 2>>, <<1>>)),
    p(cmp(<<"ab">>, <<"ab">>)),
    p(case B of <<"he", _/binary>> -> "True"; _ -> "False" end),
    p(case B of <<"lo", _/binary>> -> "True"; _ -> "False" end),
    p(bytes(<<1:3, 0:5>>)).
