-module(defsyntax_rules).
-export([main/0]).
my_or([]) -> false;
my_or([false | Es]) -> my_or(Es);
my_or([X | _]) -> X.
main() ->
  io:format("~p~n", [[false, my_or([false]), my_or([false, 7]), my_or([false, false, x])]]),
  io:format("~p~n", [[I * I || I <- lists:seq(0, 9, 3)]]),
  io:format("~p~n", [{one, a}]),
  io:format("~p~n", [{two, b}]).
