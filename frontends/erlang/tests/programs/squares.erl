-module(squares).
-export([run/0]).
run() ->
Self = self(),
%% spawn one process per number; each sends {N, N*N} back to us.
lists:foreach(
fun(N) ->
spawn(fun() -> Self ! {N, N * N} end)
end,
lists:seq(1, 5)),
collect(5, 0).
%% receive exactly Count messages, summing the squares.
collect(0, Sum) -> Sum;
collect(Count, Sum) ->
receive
{_N, Square} -> collect(Count - 1, Sum + Square)
end.
%% squares:run() =:= 55
