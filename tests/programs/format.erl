-module(format).
-export([main/0]).

%% io:format directives on many kinds of terms.

main() ->
    io:format("~p ~w ~p ~w~n", [42, 42, -17, -17]),
    io:format("~p ~p ~p ~p~n", ['hello world', 'Cap', ok, 'it\'s']),
    io:format("~w ~w~n", ['hello world', 'Cap']),
    io:format("~p ~w~n", [[1, 2, 3], [1, 2, 3]]),
    io:format("~p ~w~n", [{a, {b, [c, {d}]}, "str"}, {a, {b, [c, {d}]}, "str"}]),
    io:format("~p ~w~n", ["hello", "hello"]),
    io:format("~p ~p ~p~n", [[104, 105], [1, 2, 300], [65 | 66]]),
    io:format("~s and ~s~n", ["a string", [<<"bin">>, "ary"]]),
    io:format("~s~n", [hello]),
    io:format("~b ~b ~b~n", [10, 255, -5]),
    io:format("~c~c~c~n", [$o, $k, $!]),
    io:format("~p~n", [lists:seq(1, 40)]),
    io:format("~p~n", [[{key, N, "value"} || N <- lists:seq(1, 6)]]),
    io:format("~p ~p ~p ~p ~p~n", [0.1, 1.0e10, 3.14, 1.0, -2.5e-8]),
    io:format("~w ~w~n", [0.1, 100.0]),
    io:format("~p ~p~n", [[], {}]),
    io:format("~p~n", [#{a => 1, b => [2]}]),
    io:format("~p~n", [<<1, 2, 3>>]),
    io:format("~p~n", [<<"text">>]),
    io:format("100%~n"),
    io:format("no args~n", []),
    ok.
