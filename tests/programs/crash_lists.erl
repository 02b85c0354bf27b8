%% An uncaught error inside a library function: the crash names the
%% reason and the library function.
-module(crash_lists).
-export([main/0]).

main() ->
    io:format("before~n"),
    X = lists:nth(5, [a, b]),
    io:format("never ~p~n", [X]).
