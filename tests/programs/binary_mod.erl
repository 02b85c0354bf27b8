%% The binary module (native), results and errors, compared with erl.
-module(binary_mod).
-export([main/0]).

t(Name, F) ->
    try F() of
        V -> io:format("~s: ~w~n", [Name, V])
    catch
        C:R -> io:format("~s: ~p:~p~n", [Name, C, R])
    end.

main() ->
    B = <<"hello world, hello erlang">>,
    t("split", fun() -> [binary:split(B, <<" ">>), binary:split(B, <<" ">>, [global]), binary:split(B, [<<",">>, <<" ">>], [global]), binary:split(B, <<"zz">>)] end),
    t("split trim", fun() -> [binary:split(<<",a,,b,,">>, <<",">>, [global, trim]), binary:split(<<",a,,b,,">>, <<",">>, [global, trim_all])] end),
    t("split empty pattern", fun() -> binary:split(B, <<>>) end),
    t("match", fun() -> [binary:match(B, <<"hello">>), binary:match(B, [<<"world">>, <<"lo">>]), binary:match(B, <<"xyz">>)] end),
    t("matches", fun() -> [binary:matches(B, <<"hello">>), binary:matches(B, [<<"l">>, <<"ll">>]), binary:matches(B, <<"q">>)] end),
    t("replace", fun() -> [binary:replace(B, <<"hello">>, <<"bye">>), binary:replace(B, <<"hello">>, <<"bye">>, [global]), binary:replace(B, <<"o">>, <<"[]">>, [global, {insert_replaced, 1}])] end),
    t("part", fun() -> [binary:part(B, 0, 5), binary:part(B, {6, 5}), binary:part(B, 5, -5), binary:part(B, byte_size(B), 0)] end),
    t("part bad", fun() -> binary:part(B, 20, 10) end),
    t("at/first/last", fun() -> [binary:at(B, 0), binary:at(B, 4), binary:first(B), binary:last(B)] end),
    t("at bad", fun() -> binary:at(B, 100) end),
    t("first empty", fun() -> binary:first(<<>>) end),
    t("copy", fun() -> [binary:copy(<<"ab">>), binary:copy(<<"ab">>, 3), binary:copy(<<>>, 5), binary:copy(<<"x">>, 0)] end),
    t("decode_unsigned", fun() -> [binary:decode_unsigned(<<1, 0>>), binary:decode_unsigned(<<1, 0>>, little), binary:decode_unsigned(<<>>), binary:decode_unsigned(<<255, 255, 255, 255, 255, 255, 255, 255, 255>>)] end),
    t("encode_unsigned", fun() -> [binary:encode_unsigned(256), binary:encode_unsigned(256, little), binary:encode_unsigned(0), binary:encode_unsigned(1 bsl 70)] end),
    t("encode_unsigned neg", fun() -> binary:encode_unsigned(-1) end),
    t("list_to_bin", fun() -> [binary:list_to_bin([1, [2, <<3>>], "ab"]), binary:bin_to_list(<<"abc">>), binary:bin_to_list(<<"abcdef">>, 1, 3), binary:bin_to_list(<<"abcdef">>, {2, 2})] end),
    t("bin_to_list bad", fun() -> binary:bin_to_list(<<"ab">>, 1, 5) end),
    t("split_binary", fun() -> [split_binary(B, 5), split_binary(<<>>, 0)] end),
    t("split_binary bad", fun() -> split_binary(B, 100) end),
    t("binary_part", fun() -> [binary_part(B, 6, 5), binary_part(B, {0, 1})] end),
    t("sizes", fun() -> [byte_size(B), bit_size(<<1:3>>), byte_size(<<1:9>>), iolist_size([B, "xy"])] end),
    t("bitstring_to_list", fun() -> [bitstring_to_list(<<1, 2:3>>), list_to_bitstring([<<1>>, <<1:1>>])] end),
    t("atom_to_binary", fun() -> [atom_to_binary(ok, utf8), binary_to_atom(<<"ok">>, utf8), binary_to_existing_atom(<<"ok">>)] end),
    t("bad match arg", fun() -> binary:match(B, <<>>) end),
    t("bad split arg", fun() -> binary:split(not_binary, <<",">>) end),
    ok.
