%% Erlang side of our gleam/* library modules (the functions their
%% @external attributes name). Written for this toolchain; the names follow
%% gleam_stdlib's FFI where a Gleam program might call them directly.
-module(gleam_stdlib).
-export([wrap_list/1, println/1, print/1, println_error/1, print_error/1, inspect/1, echo/3,
         debug/1, identity/1, int_to_string/1, parse_int/1, float_to_string/1,
         parse_float/1, int_to_float/1, truncate/1, round/1, floor/1, ceiling/1,
         string_length/1, string_reverse/1, lowercase/1, uppercase/1,
         string_split/2, string_replace/3, contains_string/2, string_starts_with/2,
         string_ends_with/2, string_slice/3, trim/1, trim_start/1, trim_end/1,
         to_graphemes/1, string_pop_grapheme/1, concat/1, string_join/2,
         less_than/2, compare_strings/2, iodata_append/2, iodata_to_binary/1,
         map_get/2, map_to_list/1, new_map/0, map_insert/3, map_delete/2,
         map_size/1, map_from_list/1, map_keys/1, map_values/1, power/2,
         string_to_codepoints/1, utf_codepoint_list_to_string/1,
         string_reverse_tree/1, string_tree_split/2, string_tree_replace/3,
         crop_string/2, string_remove_prefix/2, string_remove_suffix/2, codepoint/1, utf_codepoint_to_int/1,
         bit_array_byte_size/1, string_from_bit_array/1, float_abs/1,
         bit_array_pad_to_bytes/1, bit_array_slice/3, bit_array_concat/1,
         base64_encode/2, base64_decode/1, base16_encode/1, base16_decode/1,
         bit_array_to_int_and_size/1, bit_array_starts_with/2,
         classify_dynamic/1, decode_string/1, decode_int/1, decode_float/1,
         decode_bool/1, decode_bit_array/1, decode_index/2, decode_list/1,
         decode_dict/1, decode_is_null/1, uri_parse/1, parse_query/1,
         percent_encode/1, percent_decode/1, int_from_base_string/2]).

println(S) -> io:put_chars([S, $\n]), nil.
print(S) -> io:put_chars(S), nil.
println_error(S) -> io:put_chars(standard_error, [S, $\n]), nil.
print_error(S) -> io:put_chars(standard_error, S), nil.
debug(V) -> io:put_chars(standard_error, [inspect(V), $\n]), V.
identity(X) -> X.
wrap_list(X) -> [X].

%% echo prints the file and line, then the value, to standard error.
echo(V, File, Line) ->
    io:put_chars(standard_error, [File, $:, integer_to_binary(Line), $\n, inspect(V), $\n]),
    V.

int_to_string(I) -> integer_to_binary(I).
parse_int(S) ->
    case catch binary_to_integer(S) of
        I when is_integer(I) -> {ok, I};
        _ -> {error, nil}
    end.
float_to_string(F) -> list_to_binary(io_lib:format("~p", [F])).
parse_float(S) ->
    case catch list_to_float(binary_to_list(S)) of
        F when is_float(F) -> {ok, F};
        _ -> {error, nil}
    end.
int_to_float(I) -> float(I).
truncate(F) -> trunc(F).
round(F) -> erlang:round(F).
floor(F) -> float(erlang:floor(F)).
ceiling(F) -> float(erlang:ceil(F)).
float_abs(F) -> abs(F).
power(B, E) -> power(B, E, 1.0).
power(_, 0, Acc) -> Acc;
power(B, E, Acc) when E > 0 -> power(B, E - 1, Acc * B).

%% ---- strings: sequences of extended grapheme clusters, as OTP's `string`
%% functions (which gleam_stdlib calls) see them; unicode_util:gc/1 (native)
%% splits off the first cluster.

string_to_codepoints(S) -> [C || <<C/utf8>> <= S].
utf_codepoint_list_to_string(Cps) -> << <<C/utf8>> || C <- Cps >>.
%% The clusters of S, as binaries.
graphemes(S) ->
    case unicode_util:gc(S) of
        [G | Rest] -> [grapheme_binary(G) | graphemes(Rest)];
        [] -> [];
        {error, Bad} -> [Bad]
    end.
grapheme_binary(G) when is_integer(G) -> <<G/utf8>>;
grapheme_binary(G) -> << <<C/utf8>> || C <- G >>.
string_length(S) -> string_length(S, 0).
string_length(S, N) ->
    case unicode_util:gc(S) of
        [_ | Rest] -> string_length(Rest, N + 1);
        _ -> N
    end.
string_reverse(S) -> iolist_to_binary(lists:reverse(graphemes(S))).
%% Drops N clusters: what is left (a sub-binary).
drop_graphemes(S, 0) -> S;
drop_graphemes(S, N) ->
    case unicode_util:gc(S) of
        [_ | Rest] -> drop_graphemes(Rest, N - 1);
        _ -> <<>>
    end.
lowercase(S) -> string:lowercase(S).
uppercase(S) -> string:uppercase(S).
upper(C) when C >= $a, C =< $z -> C - 32;
upper(C) -> C.
string_split(S, <<>>) -> graphemes(S);
string_split(S, Sep) -> binary:split(S, Sep, [global]).
string_replace(S, <<>>, _) -> S;
string_replace(S, Pat, With) -> binary:replace(S, Pat, With, [global]).
%% gleam/string_tree on a tree (an iolist): flattened first.
string_reverse_tree(T) -> string_reverse(iolist_to_binary(T)).
%% As OTP's string:split(Tree, Pat, all): a piece inside one chunk of the
%% tree is a binary, one spanning chunks the list of its parts.
string_tree_split(T, <<>>) -> [T];
string_tree_split(T, Pat) ->
    Chunks = tree_chunks(T),
    Whole = iolist_to_binary(Chunks),
    Cuts = [{At, At + Len} || {At, Len} <- binary:matches(Whole, Pat)],
    Starts = [0 | [E || {_, E} <- Cuts]],
    Ends = [S || {S, _} <- Cuts] ++ [byte_size(Whole)],
    [tree_piece(Chunks, 0, S, E, []) || {S, E} <- lists:zip(Starts, Ends)].

tree_chunks(B) when is_binary(B) -> [B || B =/= <<>>];
tree_chunks(C) when is_integer(C) -> [<<C/utf8>>];
tree_chunks(L) when is_list(L) -> lists:append([tree_chunks(X) || X <- L]).

%% The bytes S..E of the chunks (the first starting at offset At).
tree_piece([], _At, _S, _E, Acc) -> piece_value(lists:reverse(Acc));
tree_piece([C | Rest], At, S, E, Acc) ->
    End = At + byte_size(C),
    From = max(S, At),
    To = min(E, End),
    Acc1 = case To > From of
               true -> [binary:part(C, From - At, To - From) | Acc];
               false -> Acc
           end,
    tree_piece(Rest, End, S, E, Acc1).

piece_value([]) -> <<>>;
piece_value([One]) -> One;
piece_value(Parts) -> Parts.
string_tree_replace(T, Pat, With) -> string_replace(iolist_to_binary(T), Pat, With).
crop_string(S, <<>>) -> S;
crop_string(S, Sub) ->
    case binary:match(S, Sub) of
        {At, _} -> binary:part(S, At, byte_size(S) - At);
        nomatch -> S
    end.
string_remove_prefix(S, Prefix) ->
    N = byte_size(Prefix),
    case S of
        <<Prefix:N/binary, Rest/binary>> -> Rest;
        _ -> S
    end.
string_remove_suffix(S, Suffix) when byte_size(Suffix) > byte_size(S) -> S;
string_remove_suffix(S, Suffix) ->
    N = byte_size(S) - byte_size(Suffix),
    case S of
        <<Rest:N/binary, Suffix/binary>> -> Rest;
        _ -> S
    end.
contains_string(_, <<>>) -> true;
contains_string(S, Sub) -> binary:match(S, Sub) =/= nomatch.
string_starts_with(S, P) ->
    N = byte_size(P),
    byte_size(S) >= N andalso binary:part(S, 0, N) =:= P.
string_ends_with(S, P) ->
    N = byte_size(P), M = byte_size(S),
    M >= N andalso binary:part(S, M - N, N) =:= P.
%% gleam/string.slice: a negative index counts from the end.
string_slice(_S, _Start, Len) when Len =< 0 -> <<>>;
string_slice(S, Start, Len) ->
    From = case Start < 0 of true -> string_length(S) + Start; false -> Start end,
    case From < 0 of
        true -> <<>>;
        false ->
            Tail = drop_graphemes(S, From),
            Rest = drop_graphemes(Tail, Len),
            binary:part(Tail, 0, byte_size(Tail) - byte_size(Rest))
    end.
drop(L, 0) -> L;
drop([], _) -> [];
drop([_ | T], N) -> drop(T, N - 1).
%% Whitespace as gleam/string.trim means it: Unicode's Pattern_White_Space.
is_space(C) -> (C >= 9 andalso C =< 13) orelse C =:= 32 orelse C =:= 16#85
    orelse C =:= 16#200E orelse C =:= 16#200F orelse C =:= 16#2028 orelse C =:= 16#2029.
trim(S) -> trim_end(trim_start(S)).
trim_start(<<C/utf8, Rest/binary>> = S) ->
    case is_space(C) of true -> trim_start(Rest); false -> S end;
trim_start(S) -> S.
%% Up to the end of the last character that is not whitespace.
trim_end(S) -> binary:part(S, 0, content_end(S, 0, 0)).
content_end(<<C/utf8, Rest/binary>>, At, End) ->
    Next = At + byte_size(<<C/utf8>>),
    case is_space(C) of
        true -> content_end(Rest, Next, End);
        false -> content_end(Rest, Next, Next)
    end;
content_end(<<>>, _At, End) -> End;
content_end(_Invalid, At, _End) -> At.
to_graphemes(S) -> graphemes(S).
string_pop_grapheme(S) ->
    case unicode_util:gc(S) of
        [G | Rest] -> {ok, {grapheme_binary(G), Rest}};
        _ -> {error, nil}
    end.
concat(L) -> iolist_to_binary(L).
string_join(L, Sep) -> iolist_to_binary(join(L, Sep)).
join([], _) -> [];
join([X], _) -> [X];
join([X | Xs], Sep) -> [X, Sep | join(Xs, Sep)].
less_than(A, B) -> A < B.
compare_strings(A, B) when A < B -> lt;
compare_strings(A, B) when A > B -> gt;
compare_strings(_, _) -> eq.
iodata_append(T, S) -> [T, S].
iodata_to_binary(T) -> iolist_to_binary(T).
codepoint(I) -> I.
utf_codepoint_to_int(I) -> I.
bit_array_byte_size(B) -> byte_size(B).
string_from_bit_array(B) ->
    case strict_codepoints(B, []) of
        L when is_list(L) -> {ok, B};
        invalid -> {error, nil}
    end.

%% ---- bit arrays (gleam/bit_array)

bit_array_pad_to_bytes(B) ->
    case bit_size(B) rem 8 of
        0 -> B;
        R -> Pad = 8 - R, <<B/bitstring, 0:Pad>>
    end.

%% slice(from:, at:, take:): a negative length takes bytes before `at`.
bit_array_slice(B, At, Len) when Len < 0 -> bit_array_slice(B, At + Len, -Len);
bit_array_slice(B, At, Len) when At >= 0, (At + Len) * 8 =< bit_size(B) ->
    <<_:At/binary, Part:Len/binary, _/bitstring>> = B,
    {ok, Part};
bit_array_slice(_, _, _) -> {error, nil}.

bit_array_concat(L) -> << <<X/bitstring>> || X <- L >>.

bit_array_to_int_and_size(B) ->
    Size = bit_size(B),
    <<I:Size>> = B,
    {I, Size}.

bit_array_starts_with(B, Prefix) ->
    Size = bit_size(Prefix),
    case B of
        <<Prefix:Size/bitstring, _/bitstring>> -> true;
        _ -> false
    end.

-define(B64, <<"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/">>).

b64_char(N) -> <<_:N/binary, C, _/binary>> = ?B64, C.

%% A bit array that is not whole bytes is padded with zero bits first.
base64_encode(Bits, Padding) ->
    B = pad_to_bytes(Bits),
    Whole = byte_size(B) div 3 * 3,
    <<Main:Whole/binary, Tail/binary>> = B,
    Body = << <<(b64_char(W)), (b64_char(X)), (b64_char(Y)), (b64_char(Z))>>
              || <<W:6, X:6, Y:6, Z:6>> <= Main >>,
    End = case Tail of
              <<W:6, X:6, Y:4>> -> <<(b64_char(W)), (b64_char(X)), (b64_char(Y bsl 2)), $=>>;
              <<W:6, X:2>> -> <<(b64_char(W)), (b64_char(X bsl 4)), $=, $=>>;
              <<>> -> <<>>
          end,
    Enc = <<Body/binary, End/binary>>,
    case Padding of
        true -> Enc;
        false -> strip_padding(Enc)
    end.

pad_to_bytes(B) ->
    case bit_size(B) rem 8 of
        0 -> B;
        R -> <<B/bitstring, 0:(8 - R)>>
    end.

strip_padding(B) ->
    case B of
        <<Init:(byte_size(B) - 1)/binary, $=>> -> strip_padding(Init);
        _ -> B
    end.

b64_value(C) when C >= $A, C =< $Z -> C - $A;
b64_value(C) when C >= $a, C =< $z -> C - $a + 26;
b64_value(C) when C >= $0, C =< $9 -> C - $0 + 52;
b64_value($+) -> 62;
b64_value($/) -> 63;
b64_value(_) -> bad.

%% Input is padded to a multiple of 4 by the caller; `=` only at the end.
base64_decode(S) ->
    try {ok, b64_decode(S)} catch throw:bad -> {error, nil} end.

b64_decode(<<>>) -> <<>>;
b64_decode(<<A, B, $=, $=>>) ->
    <<V:8, _:4>> = <<(b64v(A)):6, (b64v(B)):6>>,
    <<V>>;
b64_decode(<<A, B, C, $=>>) ->
    <<V:16, _:2>> = <<(b64v(A)):6, (b64v(B)):6, (b64v(C)):6>>,
    <<V:16>>;
b64_decode(<<A, B, C, D, Rest/binary>>) ->
    <<(b64v(A)):6, (b64v(B)):6, (b64v(C)):6, (b64v(D)):6, (b64_decode(Rest))/binary>>;
b64_decode(_) -> throw(bad).

b64v(C) ->
    case b64_value(C) of
        bad -> throw(bad);
        V -> V
    end.

base16_encode(Bits) -> << <<(hex_digit(N))>> || <<N:4>> <= pad_to_bytes(Bits) >>.

hex_digit(N) when N < 10 -> $0 + N;
hex_digit(N) -> $A + N - 10.

base16_decode(S) when byte_size(S) rem 2 =:= 0 ->
    try {ok, << <<(hex_value(H)):4, (hex_value(L)):4>> || <<H, L>> <= S >>}
    catch throw:bad -> {error, nil}
    end;
base16_decode(_) -> {error, nil}.

hex_value(C) when C >= $0, C =< $9 -> C - $0;
hex_value(C) when C >= $a, C =< $f -> C - $a + 10;
hex_value(C) when C >= $A, C =< $F -> C - $A + 10;
hex_value(_) -> throw(bad).

%% ---- gleam/dynamic and gleam/dynamic/decode

classify_dynamic(nil) -> <<"Nil">>;
classify_dynamic(null) -> <<"Nil">>;
classify_dynamic(undefined) -> <<"Nil">>;
classify_dynamic(X) when is_boolean(X) -> <<"Bool">>;
classify_dynamic(X) when is_atom(X) -> <<"Atom">>;
classify_dynamic(X) when is_binary(X) -> <<"String">>;
classify_dynamic(X) when is_bitstring(X) -> <<"BitArray">>;
classify_dynamic(X) when is_integer(X) -> <<"Int">>;
classify_dynamic(X) when is_float(X) -> <<"Float">>;
classify_dynamic(X) when is_list(X) -> <<"List">>;
classify_dynamic(X) when is_map(X) -> <<"Dict">>;
classify_dynamic(X) when is_tuple(X) -> <<"Array">>;
classify_dynamic(X) when is_reference(X) -> <<"Reference">>;
classify_dynamic(X) when is_pid(X) -> <<"Pid">>;
classify_dynamic(X) when is_port(X) -> <<"Port">>;
classify_dynamic(X) when is_function(X) -> <<"Function">>;
classify_dynamic(_) -> <<"Unknown">>.

%% Each returns {ok, Value} or {error, Placeholder} (the decoder's zero).
decode_string(B) when is_binary(B) ->
    case string_from_bit_array(B) of
        {ok, _} -> {ok, B};
        _ -> {error, <<>>}
    end;
decode_string(_) -> {error, <<>>}.
decode_int(I) when is_integer(I) -> {ok, I};
decode_int(_) -> {error, 0}.
decode_float(F) when is_float(F) -> {ok, F};
decode_float(_) -> {error, 0.0}.
decode_bool(B) when is_boolean(B) -> {ok, B};
decode_bool(_) -> {error, false}.
decode_bit_array(B) when is_bitstring(B) -> {ok, B};
decode_bit_array(_) -> {error, <<>>}.

%% {ok, {some, V}} | {ok, none} | {error, KindExpected}: lists and tuples
%% are indexed by integers from 0, maps by any key.
decode_index(L, I) when is_list(L), is_integer(I), I >= 0 ->
    case drop(L, I) of
        [X | _] -> {ok, {some, X}};
        _ -> {ok, none}
    end;
decode_index(T, I) when is_tuple(T), is_integer(I) ->
    if
        I >= 0, I < tuple_size(T) -> {ok, {some, element(I + 1, T)}};
        true -> {ok, none}
    end;
decode_index(M, K) when is_map(M) ->
    case maps:find(K, M) of
        {ok, V} -> {ok, {some, V}};
        error -> {ok, none}
    end;
decode_index(_, I) when is_integer(I) -> {error, <<"Indexable">>};
decode_index(_, _) -> {error, <<"Dict">>}.

decode_list(L) when is_list(L) -> {ok, L};
decode_list(T) when is_tuple(T) -> {ok, tuple_to_list(T)};
decode_list(_) -> {error, nil}.

decode_dict(M) when is_map(M) -> {ok, maps:to_list(M)};
decode_dict(_) -> {error, nil}.

decode_is_null(X) -> X =:= nil orelse X =:= undefined orelse X =:= null.

%% ---- gleam/uri (RFC 3986; accepts what OTP's uri_string:parse accepts
%% for ASCII input)

uri_parse(S) ->
    try {ok, uri_parse_scheme(S)} catch throw:invalid_uri -> {error, nil} end.

uri_invalid() -> throw(invalid_uri).

uri_parse_scheme(S) ->
    case uri_split(S, ":/?#") of
        {<<>>, <<$:, _/binary>>} -> uri_invalid();
        {Scheme, <<$:, Rest/binary>>} ->
            uri_scheme_ok(Scheme) orelse uri_invalid(),
            uri_parse_authority({some, lowercase(Scheme)}, Rest);
        _ -> uri_parse_authority(none, S)
    end.

uri_scheme_ok(<<C, Rest/binary>>) when (C >= $a andalso C =< $z); (C >= $A andalso C =< $Z) ->
    lists:all(fun(X) -> uri_alnum(X) orelse X =:= $+ orelse X =:= $- orelse X =:= $. end,
              binary_to_list(Rest));
uri_scheme_ok(_) -> false.

uri_parse_authority(Scheme, <<"//", S/binary>>) ->
    {Authority, Rest} = uri_split(S, "/?#"),
    {UserInfo, HostPort} =
        case binary:split(Authority, <<"@">>) of
            [U, HP] -> uri_chars(U, ":"), {{some, U}, HP};
            [HP] -> {none, HP}
        end,
    binary:match(HostPort, <<"@">>) =:= nomatch orelse uri_invalid(),
    {Host, PortText} =
        case HostPort of
            <<$[, Ip/binary>> ->
                case binary:split(Ip, <<"]">>) of
                    [H, <<>>] -> {H, none};
                    [H, <<$:, P/binary>>] -> {H, P};
                    _ -> uri_invalid()
                end;
            _ ->
                case binary:split(HostPort, <<":">>) of
                    [H, P] -> uri_chars(H, ""), {H, P};
                    [H] -> uri_chars(H, ""), {H, none}
                end
        end,
    Port =
        case PortText of
            none -> none;
            <<>> -> none;
            _ ->
                lists:all(fun(C) -> C >= $0 andalso C =< $9 end, binary_to_list(PortText))
                    orelse uri_invalid(),
                {some, binary_to_integer(PortText)}
        end,
    uri_parse_path(Scheme, {some, UserInfo}, {some, Host}, Port, Rest);
uri_parse_authority(Scheme, S) ->
    uri_parse_path(Scheme, none, none, none, S).

uri_parse_path(Scheme, UserInfo0, Host, Port, S) ->
    {Path, Rest} = uri_split(S, "?#"),
    uri_chars(Path, ":@/"),
    %% In a relative reference the first segment cannot hold a colon (it
    %% would be read as a scheme).
    case {Scheme, Host} of
        {none, none} ->
            [First | _] = binary:split(Path, <<"/">>),
            binary:match(First, <<":">>) =:= nomatch orelse uri_invalid();
        _ -> ok
    end,
    {Query, Rest2} =
        case Rest of
            <<$?, Q0/binary>> ->
                {Q, R} = uri_split(Q0, "#"),
                uri_chars(Q, ":@/?"),
                {{some, Q}, R};
            _ -> {none, Rest}
        end,
    Fragment =
        case Rest2 of
            <<$#, F/binary>> -> uri_chars(F, ":@/?"), {some, F};
            <<>> -> none
        end,
    UserInfo = case UserInfo0 of {some, U} -> U; none -> none end,
    {uri, Scheme, UserInfo, Host, Port, Path, Query, Fragment}.

%% Splits at the first of the stop characters: {Before, FromStop}.
uri_split(S, Stops) -> uri_split(S, Stops, 0).
uri_split(S, Stops, N) ->
    case S of
        <<Before:N/binary, C, _/binary>> ->
            case lists:member(C, Stops) of
                true -> <<Before:N/binary, Rest/binary>> = S, {Before, Rest};
                false -> uri_split(S, Stops, N + 1)
            end;
        _ -> {S, <<>>}
    end.

%% Unreserved, sub-delims, `%` and the extra characters allowed in this
%% component; anything else (spaces, non-ASCII) makes the URI invalid.
uri_chars(S, Extra) ->
    lists:all(fun(C) -> uri_alnum(C) orelse lists:member(C, "-._~!$&'()*+,;=%" ++ Extra) end,
              binary_to_list(S)) orelse uri_invalid().

uri_alnum(C) -> (C >= $a andalso C =< $z) orelse (C >= $A andalso C =< $Z) orelse (C >= $0 andalso C =< $9).

parse_query(<<>>) -> {ok, []};
parse_query(Q) ->
    try
        {ok, [query_pair(P) || P <- binary:split(Q, <<"&">>, [global])]}
    catch throw:invalid_uri -> {error, nil}
    end.

query_pair(P) ->
    case binary:split(P, <<"=">>) of
        [K, V] -> {form_decode(K), form_decode(V)};
        [K] -> {form_decode(K), <<>>}
    end.

form_decode(S) ->
    case percent_decode(binary:replace(S, <<"+">>, <<" ">>, [global])) of
        {ok, D} -> D;
        {error, nil} -> uri_invalid()
    end.

percent_encode(S) ->
    << <<(percent_char(C))/binary>> || <<C>> <= S >>.

percent_char(C) ->
    case uri_alnum(C) orelse lists:member(C, "!$'()*+-._~") of
        true -> <<C>>;
        false -> <<$%, (hex_digit(C bsr 4)), (hex_digit(C band 15))>>
    end.

percent_decode(S) ->
    try percent_decode(S, <<>>) of
        D -> string_from_bit_array(D)
    catch throw:bad -> {error, nil}
    end.

percent_decode(<<$%, H, L, Rest/binary>>, Acc) ->
    percent_decode(Rest, <<Acc/binary, (hex_value(H)):4, (hex_value(L)):4>>);
percent_decode(<<$%, _/binary>>, _) -> throw(bad);
percent_decode(<<C, Rest/binary>>, Acc) -> percent_decode(Rest, <<Acc/binary, C>>);
percent_decode(<<>>, Acc) -> Acc.

int_from_base_string(S, Base) ->
    try {ok, binary_to_integer(S, Base)} catch error:badarg -> {error, nil} end.

%% ---- dicts are Erlang maps

map_get(M, K) ->
    case maps:find(K, M) of
        {ok, V} -> {ok, V};
        error -> {error, nil}
    end.
map_to_list(M) -> maps:to_list(M).
new_map() -> #{}.
map_insert(K, V, M) -> maps:put(K, V, M).
map_delete(K, M) -> maps:remove(K, M).
map_size(M) -> maps:size(M).
map_from_list(L) -> maps:from_list(L).
map_keys(M) -> maps:keys(M).
map_values(M) -> maps:values(M).

%% ---- inspect: values printed as Gleam source

inspect(true) -> <<"True">>;
inspect(false) -> <<"False">>;
inspect(nil) -> <<"Nil">>;
inspect(A) when is_atom(A) -> inspect_atom(A);
inspect(I) when is_integer(I) -> integer_to_binary(I);
inspect(F) when is_float(F) -> float_to_string(F);
inspect(B) when is_binary(B) ->
    case strict_codepoints(B, []) of
        Cs when is_list(Cs) -> iolist_to_binary([$", [escape(C) || C <- Cs], $"]);
        invalid -> inspect_bits(B)
    end;
inspect(B) when is_bitstring(B) -> inspect_bits(B);
inspect(L) when is_list(L) -> inspect_list(L);
inspect(M) when is_map(M) ->
    Pairs = [iolist_to_binary([<<"#(">>, inspect(K), <<", ">>, inspect(V), $)]) || {K, V} <- maps:to_list(M)],
    iolist_to_binary([<<"dict.from_list([">>, join(Pairs, <<", ">>), <<"])">>]);
inspect(T) when is_tuple(T), tuple_size(T) >= 1, is_atom(element(1, T)),
                element(1, T) =/= true, element(1, T) =/= false, element(1, T) =/= nil ->
    %% A record when the tag is a name Gleam can write, else a tuple.
    [Tag | Args] = tuple_to_list(T),
    Shown = [inspect(X) || X <- Args],
    case gleam_name(atom_to_binary(Tag, utf8)) of
        true -> iolist_to_binary([inspect(Tag), $(, join(Shown, <<", ">>), $)]);
        false -> iolist_to_binary([<<"#(">>, join([inspect(Tag) | Shown], <<", ">>), $)])
    end;
inspect(T) when is_tuple(T) ->
    iolist_to_binary([<<"#(">>, join([inspect(X) || X <- tuple_to_list(T)], <<", ">>), $)]);
inspect(F) when is_function(F) ->
    N = fun_arity(F, 0),
    Args = join([<<C>> || C <- lists:seq($a, $a + N - 1)], <<", ">>),
    iolist_to_binary([<<"//fn(">>, Args, <<") { ... }">>]);
inspect(Other) -> iolist_to_binary([<<"//erl(">>, io_lib:format("~p", [Other]), $)]).

%% An atom whose name Gleam can write as a constructor (`one_two` is
%% `OneTwo`); any other is `atom.create("...")`.
inspect_atom(A) ->
    Name = atom_to_binary(A, utf8),
    case gleam_name(Name) of
        true -> pascal(Name);
        false -> iolist_to_binary([<<"atom.create(\"">>, Name, <<"\")">>])
    end.

%% Lowercase letters, digits and single underscores, starting with a
%% letter and not ending with an underscore.
gleam_name(<<C, _/binary>> = Name) when C >= $a, C =< $z ->
    binary:last(Name) =/= $_
        andalso binary:match(Name, <<"__">>) =:= nomatch
        andalso lists:all(fun(X) -> (X >= $a andalso X =< $z) orelse (X >= $0 andalso X =< $9)
                                        orelse X =:= $_ end, binary_to_list(Name));
gleam_name(_) -> false.

%% A list of printable ASCII codes is shown as the charlist it may be; an
%% improper list as Erlang data.
inspect_list([]) -> <<"[]">>;
inspect_list(L) ->
    case proper_elements(L, []) of
        {proper, Items} ->
            case lists:all(fun(X) -> is_integer(X) andalso X >= 32 andalso X =< 126 end, Items) of
                true -> iolist_to_binary([<<"charlist.from_string(\"">>, Items, <<"\")">>]);
                false -> iolist_to_binary([$[, join([inspect(X) || X <- Items], <<", ">>), $]])
            end;
        {improper, Items, Tail} ->
            iolist_to_binary([<<"//erl([">>, join([inspect(X) || X <- Items], <<", ">>),
                              <<" | ">>, inspect(Tail), <<"])">>])
    end.

proper_elements([], Acc) -> {proper, lists:reverse(Acc)};
proper_elements([X | Rest], Acc) -> proper_elements(Rest, [X | Acc]);
proper_elements(Tail, Acc) -> {improper, lists:reverse(Acc), Tail}.

fun_arity(F, N) when N > 20 -> 0;
fun_arity(F, N) ->
    case is_function(F, N) of true -> N; false -> fun_arity(F, N + 1) end.

%% The code points of a binary, or `invalid` unless it is all UTF-8.
strict_codepoints(<<C/utf8, Rest/binary>>, Acc) -> strict_codepoints(Rest, [C | Acc]);
strict_codepoints(<<>>, Acc) -> lists:reverse(Acc);
strict_codepoints(_, _) -> invalid.

inspect_bits(B) ->
    Bytes = [integer_to_binary(X) || <<X>> <= B],
    Rest = bit_size(B) rem 8,
    Tail = case Rest of
        0 -> [];
        _ -> <<_:(bit_size(B) - Rest), R:Rest>> = B,
             [iolist_to_binary([integer_to_binary(R), <<":size(">>, integer_to_binary(Rest), $)])]
    end,
    iolist_to_binary([<<"<<">>, join(Bytes ++ Tail, <<", ">>), <<">>">>]).

escape($") -> <<"\\\"">>;
escape($\\) -> <<"\\\\">>;
escape($\n) -> <<"\\n">>;
escape($\r) -> <<"\\r">>;
escape($\t) -> <<"\\t">>;
escape($\f) -> <<"\\f">>;
escape(C) when C < 32; C > 126, C < 160 -> iolist_to_binary([<<"\\u{">>, hex(C), $}]);
escape(C) -> <<C/utf8>>.

hex(C) ->
    H = integer_to_list(C, 16),
    Pad = lists:duplicate(4 - length(H), $0),
    list_to_binary(Pad ++ H).

pascal(Name) ->
    Parts = binary:split(Name, <<"_">>, [global]),
    iolist_to_binary([cap(P) || P <- Parts]).
cap(<<C, Rest/binary>>) -> <<(upper(C)), Rest/binary>>;
cap(<<>>) -> <<>>.
