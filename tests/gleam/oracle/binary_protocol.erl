%% The Erlang program equivalent to tests/gleam/run/binary_protocol.gleam;
%% its output, run by erl, is binary_protocol.expected.
-module(binary_protocol).
-export([main/0]).

encode({text, U, Body}) -> frame(1, U, <<(byte_size(Body)):8, Body/binary>>);
encode({number, U, V}) -> frame(2, U, <<V:32/little>>);
encode({measure, U, V}) -> frame(3, U, <<V/float>>);
encode({raw, K, B}) -> frame(K, false, B).
frame(Kind, U, P) -> <<1, (byte_size(P)):16, (case U of true -> 1; false -> 0 end):1, Kind:7, P/bitstring>>.

decode(<<1, Len:16, Flag:1, Kind:7, P:Len/binary>>) ->
    U = Flag =:= 1,
    case {Kind, P} of
        {1, <<N:8, Body:N/binary>>} ->
            case unicode:characters_to_binary(Body) of Body -> {ok, {text, U, Body}}; _ -> {error, "bad utf8"} end;
        {2, <<V:32/little-signed>>} -> {ok, {number, U, V}};
        {3, <<V/float>>} -> {ok, {measure, U, V}};
        _ -> {ok, {raw, Kind, P}}
    end;
decode(<<V, _/bitstring>>) when V =/= 1 -> {error, "unknown version " ++ integer_to_list(V)};
decode(_) -> {error, "truncated"}.

%% Gleam writes UTF-8 bytes; erl -noshell's standard_io is latin1, so the
%% bytes are written as they are.
out(IoList) -> io:format("~s~n", [binary_to_list(iolist_to_binary(IoList))]).

flag(true) -> "!"; flag(false) -> ".".
bytes(B) -> "<<" ++ lists:join(", ", [integer_to_list(X) || <<X>> <= B]) ++ ">>".
show({ok, {text, U, S}}) -> ["text ", flag(U), " ", S];
show({ok, {number, U, N}}) -> ["number ", flag(U), " ", integer_to_list(N)];
show({ok, {measure, U, F}}) -> ["measure ", flag(U), " ", io_lib:format("~p", [F])];
show({ok, {raw, K, B}}) -> ["raw ", integer_to_list(K), " ", bytes(B)];
show({error, E}) -> ["error: ", E].

main() ->
    Ps = [{text, true, <<"héllo"/utf8>>}, {number, false, -123456}, {measure, true, 2.5}, {raw, 9, <<1, 2, 3>>}],
    [begin B = encode(P), io:format("~s~n", [bytes(B)]), out(show(decode(B))) end || P <- Ps],
    out(show(decode(<<2, 0, 0, 0>>))),
    out(show(decode(<<1, 0, 9, 1, 2>>))),
    out(show(decode(<<1, 0, 2, 1, 1, 255>>))),
    <<A:4, B:4, Rest/bitstring>> = <<16#AB, 16#CD>>,
    io:format("~p ~p ~s~n", [A, B, bytes(Rest)]).
