-module(crash_try_clause).
-export([main/0]).
%% An uncaught try_clause error in main/0's process: crash report on stderr, exit 1.
main() ->
    io:format("before~n"),
    R = try length([a, b]) of 1 -> one after ok end,
    io:format("not reached ~p~n", [R]).

