-module(crash_case_clause).
-export([main/0]).
%% An uncaught case_clause error in main/0's process: crash report on stderr, exit 1.
main() ->
    io:format("before~n"),
    R = case length([a, b, c]) of 1 -> one; 2 -> two end,
    io:format("not reached ~p~n", [R]).

