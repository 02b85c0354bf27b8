-module(crash_badarity).
-export([main/0]).
%% An uncaught badarity error in main/0's process: crash report on stderr, exit 1.
main() ->
    io:format("before~n"),
    F = fun(X, Y) -> X + Y end,
    R = F(1),
    io:format("not reached ~p~n", [R]).

