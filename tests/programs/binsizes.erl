-module(binsizes).
-export([main/0]).

%% Sizes bound earlier in the same binary pattern (split into nested cases
%% for Core Erlang), size expressions over outer variables (hoisted), and
%% map keys that are expressions.

frame(<<Size:8, Payload:Size/binary, Rest/binary>>) -> {frame, Payload, Rest};
frame(<<0:8, _/binary>>) -> empty;
frame(Other) -> {other, Other}.

two(<<A:8, X:A/binary, B:8, Y:B/binary>>, Tag) -> {Tag, X, Y};
two(Bin, Tag) -> {Tag, nomatch, Bin}.

nested({msg, <<L:16, Name:L/binary>>}) -> {name, Name};
nested(_) -> none.

in_case(B) ->
    case B of
        <<N:4, M:4, X:N/unit:8-binary, Y:M/unit:8-binary>> when N > 0 -> {N, M, X, Y};
        <<N:8, _/binary>> -> {just, N};
        _ -> short
    end.

take(Pos, Bin) ->
    case Bin of
        <<_:(Pos - 1)/binary, Part/binary>> -> Part;
        _ -> too_short
    end.

header(Bin) ->
    <<Len:8, Name:Len/binary, N:8, Items:(N * 2)/binary, _/binary>> = Bin,
    {Name, Items}.

skip(Pos, Bin) ->
    <<_:(Pos - 1)/binary, Part/binary>> = Bin,
    Part.

lookup(K, M) ->
    case M of
        #{{key, K} := V} -> V;
        _ -> undefined
    end.

main() ->
    io:format("~p~n", [frame(<<3, "abcde">>)]),
    io:format("~p~n", [frame(<<9, "abc">>)]),
    io:format("~p~n", [frame(<<0, "abc">>)]),
    io:format("~p~n", [frame(<<>>)]),
    io:format("~p~n", [two(<<2, "ab", 3, "cde">>, t)]),
    io:format("~p~n", [two(<<2, "ab", 3, "cd">>, t)]),
    io:format("~p~n", [nested({msg, <<0, 3, "bob">>})]),
    io:format("~p~n", [nested({msg, <<0, 9, "bob">>})]),
    io:format("~p~n", [[in_case(<<16#12, "abc">>), in_case(<<16#05, "x">>), in_case(<<>>)]]),
    io:format("~p~n", [[take(3, <<"hello">>), take(9, <<"hello">>), take(x, <<"hello">>)]]),
    io:format("~p~n", [header(<<3, "abc", 2, "wxyz", "tail">>)]),
    io:format("~p~n", [try header(<<3, "abc", 9, "wxyz">>) catch error:E -> E end]),
    io:format("~p~n", [skip(2, <<"hello">>)]),
    io:format("~p~n", [[lookup(1, #{{key, 1} => one}), lookup(2, #{{key, 1} => one})]]).
