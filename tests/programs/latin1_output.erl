%% erl -noshell writes standard_io as latin1: characters below 256 are one
%% byte each, the others \x{HEX}; io:setopts/1 switches to UTF-8.
-module(latin1_output).
-export([main/0]).
main() ->
    io:format("~s|~n", [<<"λ"/utf8>>]),
    io:format("~ts|~n", [<<"λ"/utf8>>]),
    io:format("~p|~n", [<<"λ"/utf8>>]),
    io:format("~p|~n", [[206,187,97]]),
    io:format("~p|~n", ["é"]),
    io:format("~ts|~n", [[955]]),
    io:format("~s|~n", ["é"]),
    io:put_chars(<<"λ"/utf8>>), io:nl(),
    io:put_chars("é"), io:nl(),
    io:format("é~n"),
    io:format("~w|~n", [<<"λ"/utf8>>]),
    io:format("~tp|~n", [<<"λ"/utf8>>]),
    io:format("~tp|~n", [[955]]),
    io:format("~p|~n", [[955]]),
    ok = io:setopts([{encoding, unicode}]),
    io:format("~ts|~s|~p|~n", [[955], "é", "é"]),
    io:put_chars(<<"λ"/utf8>>), io:nl(),
    ok = io:setopts(standard_io, [{encoding, latin1}]),
    io:format("~ts|~s|~n", [[955], "é"]),
    ok.
