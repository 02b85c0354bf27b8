-module(patterns).
-export([main/0]).
m([H | _] = Whole) when is_integer(H) -> {'list-of-int', Whole};
m([A, B | Rest]) -> {'at-least-two', A, B, Rest};
m({X, X}) -> {twin, X};
m({point, {X, Y}}) -> X + Y;
m({literal, tuple}) -> literal;
m("str") -> string;
m(atom) -> 'quoted-atom';
m(_) -> nomatch.
main() ->
  io:format("~p~n", [lists:map(fun m/1, [[1, 2], [a, b, c], [a, b], {7, 7}, {point, {3, 4}}, {literal, tuple}, "str", atom, other])]).
