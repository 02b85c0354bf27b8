-module(crash_nomatch).
-export([main/0]).

%% A failing match in a function called by main: badmatch, exit status 1.

main() ->
    io:format("start~n"),
    check(value()),
    io:format("unreachable~n").

value() -> {error, enoent}.

check(V) ->
    {ok, _} = V,
    ok.
