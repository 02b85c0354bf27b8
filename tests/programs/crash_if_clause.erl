-module(crash_if_clause).
-export([main/0]).
%% An uncaught if_clause error in main/0's process: crash report on stderr, exit 1.
main() ->
    io:format("before~n"),
    X = length([a]),
    R = if X > 5 -> big; X < 0 -> negative end,
    io:format("not reached ~p~n", [R]).

