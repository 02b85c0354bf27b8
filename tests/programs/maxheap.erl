-module(maxheap).
-export([main/0]).
%% A process above its max_heap_size is killed with an error report;
%% nobody else is hurt.
main() ->
    {P, R} = spawn_opt(fun() -> lists:seq(1,1000000) end, [monitor, {max_heap_size, 1000}]),
    receive {'DOWN', R, process, P, Why} -> io:format("~p~n", [Why]) end,
    {P3, R3} = spawn_opt(fun() -> process_flag(max_heap_size, 2000), length(lists:seq(1,100000)) end, [monitor]),
    receive {'DOWN', R3, process, P3, Why3} -> io:format("~p~n", [Why3]) end,
    io:format("main fine~n").
