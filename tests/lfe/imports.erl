-module(imports).
-export([main/0]).
-import(lists, [reverse/1, sum/1]).
main() ->
  io:format("~p~n", [reverse([1, 2, 3])]),
  io:format("~p~n", [sum([1, 2, 3])]),
  io:format("~p~n", [string:to_upper("shout")]),
  io:format("~s~n", [io_lib:format("~p", [aliased])]),
  io:format("~p~n", [?MODULE]),
  io:format("~p~n", [lists:keyfind(b, 1, [{a, 1}, {b, 2}])]),
  io:format("~p~n", [proplists:get_value(k, [{k, v}])]),
  io:format("~p~n", [string:join(["a", "b"], "-")]).
