%% Hello, world: the smallest program, printed three ways.
-module(hello).
-export([main/0]).

main() ->
    io:format("Hello, world!~n"),
    io:format("~s from ~p~n", ["Hello", erlang]),
    io:format("~p~n", [{hello, [1, 2, 3], <<"world">>}]).
