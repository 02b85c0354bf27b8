%% The Erlang program equivalent to tests/gleam/run/graphemes.gleam (the
%% OTP `string` functions gleam_stdlib calls on Erlang); its output, run by
%% erl, is graphemes.expected.
-module(graphemes).
-export([main/0]).

show(Label, Value) ->
    io:format("~ts: [~ts]~n", [Label, unicode:characters_to_binary(Value)]).

%% gleam_stdlib's slice: a negative index counts from the end.
slice(S, Idx, Len) when Len =< 0 -> slice_none(S, Idx);
slice(S, Idx, Len) when Idx < 0 ->
    case string:length(S) + Idx of
        T when T < 0 -> <<>>;
        T -> unicode:characters_to_binary(string:slice(S, T, Len))
    end;
slice(S, Idx, Len) -> unicode:characters_to_binary(string:slice(S, Idx, Len)).
slice_none(_, _) -> <<>>.

pop(S) ->
    [G | R] = string:next_grapheme(S),
    {unicode:characters_to_binary([G]), R}.

graphemes(S) ->
    case string:next_grapheme(S) of
        [] -> [];
        [G | R] -> [unicode:characters_to_binary([G]) | graphemes(R)]
    end.

%% gleam_stdlib's padding: whole copies of the pad, then a slice of it.
padding(Size, Pad) ->
    PadLen = string:length(Pad),
    iolist_to_binary([lists:duplicate(Size div PadLen, Pad),
                      slice(Pad, 0, Size rem PadLen)]).

main() ->
    io:setopts([{encoding, unicode}]),
    Cafe = <<"cafe", 16#301/utf8, "!">>,
    Family = <<16#1F469/utf8, 16#200D/utf8, 16#1F469/utf8, 16#200D/utf8, 16#1F467/utf8>>,
    Flag = <<16#1F1EB/utf8, 16#1F1F7/utf8>>,
    Hangul = <<16#1100/utf8, 16#1161/utf8, 16#11A8/utf8>>,
    Wave = <<16#1F44B/utf8, 16#1F3FD/utf8>>,
    Mixed = <<"a", Family/binary, "b\r\nc", Flag/binary, Hangul/binary, Wave/binary,
              "e", 16#301/utf8>>,
    io:format("length cafe ~p~n", [string:length(Cafe)]),
    io:format("length mixed ~p~n", [string:length(Mixed)]),
    io:format("bytes mixed ~p~n", [byte_size(Mixed)]),
    show("reverse cafe", string:reverse(Cafe)),
    show("reverse mixed", string:reverse(Mixed)),
    show("slice 1 3", slice(Mixed, 1, 3)),
    show("slice -2 2", slice(Mixed, -2, 2)),
    show("slice 20 2", slice(Mixed, 20, 2)),
    %% drop_start: the bytes after the first 2 graphemes.
    Prefix = slice(Mixed, 0, 2),
    show("drop_start 2", binary:part(Mixed, byte_size(Prefix),
                                     byte_size(Mixed) - byte_size(Prefix))),
    show("drop_end 3", slice(Mixed, 0, string:length(Mixed) - 3)),
    {F, _} = pop(Mixed),
    show("first", F),
    {_, Rest} = pop(Mixed),
    show("last", slice(Rest, -1, 1)),
    {G, R} = pop(<<Family/binary, "x">>),
    show("pop", [G, "|", R]),
    Parts = graphemes(Mixed),
    io:format("graphemes ~p~n", [length(Parts)]),
    [io:format("  ~p bytes, ~p code points~n",
               [byte_size(P), length(unicode:characters_to_list(P))]) || P <- Parts],
    io:format("split \"\" ~p~n", [length(graphemes(Cafe))]),
    Ete = <<16#E9/utf8, "t", 16#E9/utf8>>,
    show("pad_start", [padding(7 - string:length(Ete), <<"ab">>), Ete]),
    show("pad_end", [Cafe, padding(8 - string:length(Cafe), <<Wave/binary, "-">>)]),
    show("uppercase", string:uppercase(<<"stra", 16#DF/utf8, "e ", 16#E9/utf8, "t",
                                         16#E9/utf8, " ", 16#3C3/utf8>>)),
    show("lowercase", string:lowercase(<<16#C9/utf8, "T", 16#C9/utf8, " ", 16#3A3/utf8,
                                         16#391/utf8>>)),
    {C, CRest} = pop(<<16#E9/utf8, "COLE">>),
    show("capitalise", [string:uppercase(C), string:lowercase(CRest)]).
