-module(terms_order).
-export([main/0]).
main() ->
    L = [<<"b">>, [1], [], #{a => 1}, {1, 2}, {1}, self(), fun main/0, make_ref(), atom, 2.5, 1, -1, "abc", <<1:3>>],
    Sorted = lists:sort(L),
    io:format("~p~n", [[kind(X) || X <- Sorted]]),
    io:format("~p~n", [[1 < 1.5, 1 == 1.0, 1 =:= 1.0, 1 /= 1.0, 1 =/= 1.0, a < b, {2} < {1, 1}, [2] > [1, 5]]]),
    io:format("~p~n", [[#{a => 2} < #{b => 1}, #{a => 1, b => 2} > #{c => 0}, <<1>> < <<1, 0>>, "b" > "abc"]]),
    io:format("~p~n", [lists:usort([3, 1.0, 1, 2, 3.0])]),
    io:format("~p~n", [{max(1, 1.0), min(1, 1.0), max(a, 1), min("a", {})}]),
    io:format("~p~n", [lists:sort(fun(A, B) -> A >= B end, [3, 1, 2])]),
    io:format("~p~n", [[tuple_to_list({a, b}), list_to_tuple([1, 2]), element(2, {x, y, z})]]),
    io:format("~p~n", [[atom_to_binary(abc), binary_to_atom(<<"xyz">>), list_to_existing_atom("atom")]]),
    io:format("~p~n", [[term_to_binary({a, 1}), binary_to_term(term_to_binary([x, "y", 3.5]))]]).

kind(X) when is_number(X) -> {number, X};
kind(X) when is_atom(X) -> atom;
kind(X) when is_reference(X) -> ref;
kind(X) when is_function(X) -> fun_;
kind(X) when is_pid(X) -> pid;
kind(X) when is_tuple(X) -> {tuple, X};
kind(X) when is_map(X) -> map;
kind([]) -> nil;
kind(X) when is_list(X) -> {list, X};
kind(X) -> {bits, X}.
