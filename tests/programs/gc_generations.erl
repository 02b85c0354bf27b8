-module(gc_generations).
-export([main/0]).
%% Generational GC as observed through process_info: a fresh process has a
%% 233-word heap; minor collections are counted and a full sweep
%% (erlang:garbage_collect/0) resets the count; fullsweep_after and
%% min_heap_size are settable; data survives minor and major collections;
%% the heap grows with live data and shrinks when it is dropped.
main() ->
    P = spawn(fun() -> receive stop -> ok end end),
    io:format("~p~n", [process_info(P, [heap_size, garbage_collection])]),
    P ! stop,
    Keep = lists:seq(1, 20000),
    churn(2000),
    {garbage_collection, G1} = process_info(self(), garbage_collection),
    {minor_gcs, M1} = lists:keyfind(minor_gcs, 1, G1),
    io:format("minor gcs counted: ~p~n", [M1 > 0]),
    erlang:garbage_collect(),
    {garbage_collection, G2} = process_info(self(), garbage_collection),
    io:format("after a full sweep: ~p~n", [lists:keyfind(minor_gcs, 1, G2)]),
    {total_heap_size, T} = process_info(self(), total_heap_size),
    {heap_size, H} = process_info(self(), heap_size),
    io:format("total >= heap: ~p, holds the list: ~p~n", [T >= H, T >= 40000]),
    io:format("kept: ~p~n", [lists:sum(Keep)]),
    io:format("~p~n", [process_flag(fullsweep_after, 10)]),
    io:format("~p~n", [process_flag(min_heap_size, 1000)]),
    Self = self(),
    spawn_opt(fun() -> churn(500), Self ! {gc, process_info(self(), garbage_collection)} end,
              [{fullsweep_after, 0}, {min_heap_size, 5000}]),
    receive {gc, G3} -> io:format("~p~n", [G3]) end,
    grow_and_shrink(),
    ok.

churn(0) -> ok;
churn(N) -> _ = lists:reverse(lists:seq(1, 50)), churn(N - 1).

grow_and_shrink() ->
    Self = self(),
    Pid = spawn(fun() ->
        big_phase(Self),
        receive drop -> ok end,
        erlang:garbage_collect(),
        {total_heap_size, H2} = process_info(self(), total_heap_size),
        Self ! {small, H2 < 10000}
    end),
    receive {big, B, L} -> io:format("grew: ~p ~p~n", [B, L]) end,
    Pid ! drop,
    receive {small, S} -> io:format("shrank: ~p~n", [S]) end.

big_phase(Self) ->
    Big = lists:seq(1, 100000),
    {total_heap_size, H1} = process_info(self(), total_heap_size),
    Self ! {big, H1 > 100000, length(Big)}.
