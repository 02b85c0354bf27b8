-module(maxheap_report).
-export([main/0]).
%% The report of a process killed over its max_heap_size, laid out as OTP 25
%% prints it (maxheap_report.stderr_layout: recorded from erl, digits masked
%% when compared). The other processes carry on.
main() ->
    {P, R} = spawn_opt(fun() -> L = lists:seq(1, 100000), length(L) end,
                       [monitor, {max_heap_size, #{size => 1000, kill => true, error_logger => true}}]),
    receive {'DOWN', R, process, P, Why} -> io:format("~p~n", [Why]) end,
    timer:sleep(200),
    io:format("~p~n", [erlang:process_info(self(), max_heap_size)]),
    io:format("main fine~n").
