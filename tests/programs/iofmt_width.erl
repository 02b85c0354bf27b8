-module(iofmt_width).
-export([main/0]).
main() ->
    io:format("[~10s][~-10s][~.3s][~10.3s][~-10.3s]~n", ["abcde", "abcde", "abcde", "abcde", "abcde"]),
    io:format("[~5w][~10p]~n", [42, abc]),
    io:format("[~10c][~-3c][~c]~n", [$x, $y, $z]),
    io:format("[~5.0c]~n", [$q]),
    io:format("[~*s][~-*w]~n", [6, "ab", 4, 7]),
    io:format("[~.*f]~n", [3, 2.0]),
    io:format("[~10.2f][~-10.2f][~010.2f]~n", [3.14159, 3.14159, 3.14159]),
    io:format("[~8.2.0B][~-8.2.xB]~n", [5, 5]),
    io:format("[~10.3e][~15g]~n", [12345.678, 0.5]),
    io:format("[~i]~p~n", [ignored, shown]),
    io:format("~~ ~n"),
    io:format("~P~n", [[1, 2, [3, [4, [5, [6]]]], {a, {b, {c, {d}}}}], 5]),
    io:format("~W~n", [lists:seq(1, 20), 5]),
    io:format("~p~n", [lists:seq(1, 40)]),
    io:format("~p~n", [{long_atom_name_number_one, long_atom_name_number_two, [nested, list, 'of', atoms, here], "a string"}]),
    io:format("~w~n", [{a, "str", <<"bin">>, 1.5}]),
    io:format("~ts~n", [<<"binary text">>]),
    io:format("~s~n", [[<<"io">>, $l, "ist", [[<<"s">>]]]]),
    io:format("~p~n", [lists:flatten(io_lib:format("~4w|~-4w", [1, 2]))]),
    io:format("~s~n", [lists:flatten(io_lib:format("~8.3f", [1.0]))]),
    io:format("~p~n", [try io:format("~d~n", [1]) catch error:E -> E end]).
