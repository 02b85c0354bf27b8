-module(ring).
-export([main/0]).
ring_node(Next) ->
  receive
    {token, 0, From} -> From ! done, Next ! stop, node_stop();
    {token, K, From} -> Next ! {token, K - 1, From}, ring_node(Next);
    stop -> Next ! stop, ok
  end.
node_stop() -> ok.
start(0, First) -> First;
start(N, First) ->
  Next = start(N - 1, First),
  spawn(fun() -> ring_node(Next) end).
main() ->
  Self = self(),
  Last = spawn(fun() -> receive {next, P} -> ring_node(P) end end),
  First = start(9, Last),
  Last ! {next, First},
  First ! {token, 100, Self},
  receive done -> io:format("token went around~n") end,
  io:format("~p~n", [is_pid(First)]).
