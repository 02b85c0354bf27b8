-module(strings_chars).
-export([main/0]).
main() ->
    io:format("~w~n", ["\b\d\e\f\n\r\s\t\v\\\"\'"]),
    io:format("~w~n", ["\101\x41\x{41}\0\7\177"]),
    io:format("~w~n", [[$a, $\n, $\s, $\\, $\', $", $\x7f, $\^A, $\^z, $\101]]),
    io:format("~w~n", ["\^a\^Z\^["]),
    io:format("~s~n", ["adjacent " "strings " "concatenate"]),
    io:format("~p~n", ["tab\there"]),
    io:format("~p~n", ["quote\"inside"]),
    io:format("~p~n", ['atom with space']),
    io:format("~p ~p ~p~n", ['UPPER', 'a@b', 'hello'] ),
    io:format("~p~n", [[$\x{10FFFF}]]),
    io:format("~w~n", [<<"esc\n\t\\">>]),
    io:format("~p~n", [[1, 2, 3, 10]]),
    io:format("~p~n", ["abc" ++ [0]]),
    io:format("~p~n", [$z - $a]),
    io:format("~p~n", [[$A + I || I <- lists:seq(0, 5)]]),
    io:format("~p~n", [atom_to_list('quoted\natom')]),
    io:format("~p~n", ['quoted\natom']).
