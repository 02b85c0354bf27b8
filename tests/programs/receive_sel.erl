-module(receive_sel).
-export([main/0]).
main() ->
    Self = self(),
    [Self ! M || M <- [{b, 1}, {a, 2}, c, {b, 3}, {a, 4}, 5]],
    io:format("~p~n", [recv_a([])]),
    io:format("~p~n", [recv_int()]),
    io:format("~p~n", [flush([])]),
    io:format("~p~n", [receive x -> x after 20 -> timeout end]),
    Self ! {tag, 7},
    Tag = tag,
    io:format("~p~n", [receive {Tag, N} when N > 5 -> {got, N} after 0 -> none end]),
    Pids = [spawn(fun() -> receive {From, I} -> From ! {self(), I * I} end end) || _ <- lists:seq(1, 5)],
    [P ! {Self, I} || {P, I} <- lists:zip(Pids, lists:seq(1, 5))],
    io:format("~p~n", [[receive {P, R} -> R end || P <- Pids]]).

recv_a(Acc) -> receive {a, X} -> recv_a([X | Acc]) after 0 -> lists:reverse(Acc) end.
recv_int() -> receive I when is_integer(I) -> I end.
flush(Acc) -> receive M -> flush([M | Acc]) after 0 -> lists:reverse(Acc) end.
