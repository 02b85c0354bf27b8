-module(crash_badfun).
-export([main/0]).
%% An uncaught badfun error in main/0's process: crash report on stderr, exit 1.
main() ->
    io:format("before~n"),
    F = list_to_tuple([not_a_fun]),
    R = F(1),
    io:format("not reached ~p~n", [R]).

