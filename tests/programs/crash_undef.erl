-module(crash_undef).
-export([main/0]).
%% An uncaught undef error in main/0's process: crash report on stderr, exit 1.
main() ->
    io:format("before~n"),
    R = missing_module:nope(1, 2),
    io:format("not reached ~p~n", [R]).

