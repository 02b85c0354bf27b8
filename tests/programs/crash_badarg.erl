-module(crash_badarg).
-export([main/0]).
%% An uncaught badarg error in main/0's process: crash report on stderr, exit 1.
main() ->
    io:format("before~n"),
    R = list_to_atom(lists:seq(1, 3) ++ [foo]),
    io:format("not reached ~p~n", [R]).

