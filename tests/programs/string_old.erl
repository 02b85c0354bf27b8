%% string: the old list API, compared with erl.
-module(string_old).
-export([main/0]).

t(Name, F) ->
    try F() of
        V -> io:format("~s: ~p~n", [Name, V])
    catch
        C:R -> io:format("~s: ~p:~p~n", [Name, C, R])
    end.

main() ->
    S = "  hello world, hello erlang  ",
    t("len", fun() -> string:len(S) end),
    t("concat", fun() -> string:concat("ab", "cd") end),
    t("chr", fun() -> [string:chr(S, $o), string:rchr(S, $o), string:chr(S, $z), string:rchr(S, $z)] end),
    t("str", fun() -> [string:str(S, "hello"), string:rstr(S, "hello"), string:str(S, "xyz"), string:str(S, "")] end),
    t("span", fun() -> [string:span(S, " eh"), string:cspan(S, ","), string:span("", "a")] end),
    t("substr", fun() -> [string:substr(S, 3), string:substr(S, 3, 5), string:substr("abc", 4), string:substr("abc", 2, 10)] end),
    t("substr bad", fun() -> string:substr("abc", 5) end),
    t("substr zero", fun() -> string:substr("abc", 0) end),
    t("sub_string", fun() -> [string:sub_string(S, 3, 7), string:sub_string(S, 20)] end),
    t("tokens", fun() -> [string:tokens(S, " ,"), string:tokens("a,,b", ","), string:tokens("", ","), string:tokens("abc", "")] end),
    t("chars", fun() -> [string:chars($x, 3), string:chars($x, 0, "tail"), string:copies("ab", 3), string:copies("ab", 0)] end),
    t("words", fun() -> [string:words(S), string:words("a-b--c", $-), string:sub_word(S, 2), string:sub_word("a-b--c", 3, $-), string:sub_word(S, 10)] end),
    t("strip", fun() -> [string:strip(S), string:strip(S, left), string:strip(S, right), string:strip("xxaxx", both, $x), string:strip("")] end),
    t("left", fun() -> [string:left("abc", 5), string:left("abc", 2), string:left("abc", 5, $.), string:left("abc", 0)] end),
    t("right", fun() -> [string:right("abc", 5), string:right("abc", 2), string:right("abc", 5, $.)] end),
    t("centre", fun() -> [string:centre("abc", 7), string:centre("abc", 6, $*), string:centre("abcdef", 3), string:centre("abcdefg", 4), string:centre("abc", 0)] end),
    t("join", fun() -> [string:join(["a", "b", "c"], ", "), string:join([], ","), string:join(["x"], "--")] end),
    w("to_upper", fun() -> [string:to_upper("Hello ß!"), string:to_lower("HeLLo ÀÉ"), string:to_upper($a), string:to_lower($A)] end),
    t("list_to_integer", fun() -> [string:list_to_integer("42x"), string:list_to_float("4.2x")] end),
    ok.

%% ~w: erl prints non-ASCII characters in latin1 under -noshell.
w(Name, F) ->
    try F() of
        V -> io:format("~s: ~w~n", [Name, V])
    catch
        C:R -> io:format("~s: ~p:~p~n", [Name, C, R])
    end.
