-module(records).
-export([main/0]).
-record(person, {name, age = 0, langs = []}).
older(P) when P#person.age > 40 -> older;
older(_) -> younger.
name_of(#person{name = N}) -> N.
main() ->
  P = #person{name = "Ann", age = 42},
  Q = P#person{age = 43},
  R = Q#person{langs = [lfe, erlang], name = "Anna"},
  io:format("~p~n", [P]),
  io:format("~p~n", [[P#person.name, Q#person.age, R#person.langs]]),
  io:format("~p~n", [[is_record(P, person), is_record({other, 1}, person), older(P), older(#person{})]]),
  io:format("~p~n", [name_of(R)]),
  io:format("~p~n", [[record_info(fields, person), record_info(size, person), #person.age]]),
  io:format("~p~n", [#person{name = "Bo"}]),
  io:format("~p~n", [[P#person.name, #person.langs]]),
  io:format("~p~n", [P#person{age = 1}]),
  io:format("~p~n", [{badrecord, person}]).
