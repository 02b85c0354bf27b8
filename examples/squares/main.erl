%% The article's first program: spawn one worker per number, each sends its
%% square back, and the parent sums the five replies.
-module(squares).
-export([main/0, run/0]).

main() ->
    io:format("~p~n", [run()]).

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
