-module(crash_function_clause).
-export([main/0]).
%% An uncaught function_clause error in main/0's process: crash report on stderr, exit 1.
main() ->
    io:format("before~n"),
    R = pick(lists:nth(2, [1, 3])),
    io:format("not reached ~p~n", [R]).
pick(1) -> one;
pick(2) -> two.
