-module(crash_badkey).
-export([main/0]).
%% An uncaught badkey error in main/0's process: crash report on stderr, exit 1.
main() ->
    io:format("before~n"),
    M = maps:from_list([{a, 1}]),
    R = maps:get(b, M),
    io:format("not reached ~p~n", [R]).

