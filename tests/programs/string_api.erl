%% string (OTP 20+ API): lists and binaries, compared with erl.
-module(string_api).
-export([main/0]).

t(Name, F) ->
    try F() of
        V -> io:format("~s: ~p~n", [Name, V])
    catch
        C:R -> io:format("~s: ~p:~p~n", [Name, C, R])
    end.

main() ->
    [begin
         t("pad", fun() -> [string:pad(S, 12), string:pad(S, 12, leading), string:pad(S, 12, both, $*), string:pad(S, 13, both), string:pad(S, 2)] end),
         t("trim", fun() -> [string:trim(S), string:trim(S, leading), string:trim(S, trailing), string:trim(S, both, " \n")] end),
         t("split", fun() -> [string:split(S, "b"), string:split(S, "b", trailing), string:split(S, "b", all), string:split(S, "zz"), string:split(S, "")] end),
         t("replace", fun() -> [string:replace(S, "b", "XY"), string:replace(S, "b", "XY", all), string:replace(S, "b", "XY", trailing), string:replace(S, "q", "X")] end),
         t("lexemes", fun() -> [string:lexemes(S, " b"), string:nth_lexeme(S, 2, " b"), string:nth_lexeme(S, 9, " b")] end),
         t("find", fun() -> [string:find(S, "b"), string:find(S, "b", trailing), string:find(S, "q"), string:find(S, "cb d")] end),
         t("slice", fun() -> [string:slice(S, 2), string:slice(S, 1, 3), string:slice(S, 20), string:slice(S, 3, 0)] end),
         t("case", fun() -> [string:uppercase(S), string:lowercase(S), string:titlecase(S), string:casefold(S)] end),
         t("length etc", fun() -> [string:length(S), string:reverse(S), string:is_empty(S), string:prefix(S, " a"), string:prefix(S, "x"), string:chomp(S)] end),
         t("take", fun() -> [string:take(S, " a"), string:take(S, " a", true), string:take(S, " \n", false, trailing), string:take(S, "b", true, trailing)] end),
         t("graphemes", fun() -> [string:to_graphemes(S), string:next_grapheme(S), string:next_codepoint(S)] end)
     end || S <- [" abcb d \n", <<" abcb d \n">>, "Hello World", <<"a,b,,c">>]],
    t("split all empty", fun() -> [string:split("a,b,,c,", ",", all), string:split(<<",a">>, ",", all)] end),
    t("lexemes crlf", fun() -> string:lexemes("a\r\nb\nc", "\r\n") end),
    t("lexemes crlf grapheme", fun() -> string:lexemes("a\r\nb\nc", [[$\r, $\n], $\n]) end),
    t("to_integer", fun() -> [string:to_integer("12abc"), string:to_integer(<<"-3">>), string:to_integer("x"), string:to_integer("+4 "), string:to_integer(""), string:to_integer("007")] end),
    t("to_float", fun() -> [string:to_float("1.5e3x"), string:to_float("1"), string:to_float(<<"2.5">>), string:to_float("1.e3"), string:to_float("-0.5E-2z"), string:to_float("3.0e")] end),
    t("equal", fun() -> [string:equal("abc", <<"abc">>), string:equal("ABC", "abc", true), string:equal("a", "b"), string:equal("abc", ["a", <<"bc">>])] end),
    w("unicode case", fun() -> [string:uppercase("straße"), string:titlecase("ßa"), string:casefold("Straße"), string:lowercase(<<"ÀÉ"/utf8>>)] end),
    w("unicode length", fun() -> [string:length("e\x{301}a\r\n"), string:length(<<"日本語"/utf8>>), string:reverse("ab\r\nc")] end),
    w("unicode graphemes", fun() -> [string:to_graphemes("e\x{301}a\r\n"), string:slice("e\x{301}abc", 1, 2), string:next_grapheme("\r\nx")] end),
    t("empty", fun() -> [string:is_empty(""), string:is_empty(<<>>), string:is_empty([[], <<>>]), string:trim(""), string:trim(<<"  ">>)] end),
    t("pad empty", fun() -> [string:pad("", 3), string:pad(<<>>, 2, leading, $0)] end),
    t("bad", fun() -> string:length(abc) end),
    t("slice bad", fun() -> string:slice("abc", -1) end),
    ok.

%% ~w: erl prints non-ASCII characters in latin1 under -noshell.
w(Name, F) ->
    try F() of
        V -> io:format("~s: ~w~n", [Name, V])
    catch
        C:R -> io:format("~s: ~p:~p~n", [Name, C, R])
    end.
