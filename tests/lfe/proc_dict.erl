-module(proc_dict).
-export([main/0]).
fib(N) ->
  case get({fib, N}) of
    undefined -> V = if N < 2 -> N; true -> fib(N - 1) + fib(N - 2) end, put({fib, N}, V), V;
    V -> V
  end.
main() ->
  io:format("~p~n", [put(a, 1)]),
  io:format("~p~n", [put(a, 2)]),
  io:format("~p~n", [get(a)]),
  io:format("~p~n", [fib(90)]),
  io:format("~p~n", [length(get_keys())]),
  io:format("~p~n", [erase(a)]),
  io:format("~p~n", [get(a)]).
