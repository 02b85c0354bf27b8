-module(memory_binary).
-export([main/0]).
%% erlang:memory(binary) counts off-heap binaries: a 1 MB binary shows up,
%% sending it does not copy it, and it is gone once nothing refers to it.
main() ->
    B0 = erlang:memory(binary),
    io:format("grew by at least 1 MB: ~p~n", [make_and_share(B0)]),
    erlang:garbage_collect(),
    timer:sleep(50),
    B3 = erlang:memory(binary),
    io:format("freed: ~p~n", [B3 - B0 < 500000]),
    io:format("binary =< total: ~p~n", [erlang:memory(binary) =< erlang:memory(total)]).

make_and_share(B0) ->
    Big = binary:copy(<<7>>, 1000000),
    B1 = erlang:memory(binary),
    Self = self(),
    P = spawn(fun() -> receive {B, From} -> From ! {size, self(), byte_size(B)} end end),
    P ! {Big, Self},
    receive {size, P, S} -> io:format("received ~p bytes~n", [S]) end,
    B2 = erlang:memory(binary),
    io:format("shared, not copied: ~p~n", [B2 - B0 < 1500000]),
    B1 - B0 >= 1000000.
