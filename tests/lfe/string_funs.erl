-module(string_funs).
-export([main/0]).
greet("hello " ++ Name) -> "hi, " ++ Name;
greet(Other) -> Other.
main() ->
  io:format("~p~n", [greet("hello world")]),
  io:format("~p~n", [greet("bye")]),
  io:format("~p~n", [string:tokens("a,b,,c", ",")]),
  io:format("~p~n", [string:split("k=v=w", "=")]),
  io:format("~p~n", [[string:to_upper("abc"), string:trim("  x  "), string:length([$h, 955, $l, $l, $o])]]),
  io:format("~p~n", [lists:flatten(io_lib:format("~p-~s", [a, "b"]))]),
  io:format("~p~n", [[list_to_binary("abc"), binary_to_list(<<"xyz">>), byte_size(unicode:characters_to_binary([955]))]]),
  io:format("~p~n", [[lists:prefix("ab", "abc"), string:find("hello", "ll"), lists:reverse("abc")]]),
  io:format("~s~n", [string:join(["x", "y", "z"], ", ")]).
