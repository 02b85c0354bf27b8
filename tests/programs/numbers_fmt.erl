-module(numbers_fmt).
-export([main/0]).
main() ->
    Ints = [16#FF, 2#1010, 8#777, 36#ZZ, -16#1f, 1_000_000, 16#DEAD_BEEF],
    io:format("~p~n~w~n", [Ints, Ints]),
    Fs = [1.0, 0.1, -2.5, 1.0e10, 1.5e-7, 123456789.123, 1.0e100, 2.0e-300, 0.0, 3.14159, 100.0, 1/3],
    [io:format("~p ~w ~f ~e ~g ~.2f ~.3e ~10.4f|~-10.1f|~s~n",
               [F, F, F, F, F, F, F, F, F, float_to_list(F)]) || F <- Fs],
    io:format("~s ~s~n", [float_to_list(1.5, [{decimals, 3}]), float_to_list(1.5, [{scientific, 2}])]),
    io:format("~s ~s~n", [float_to_list(0.1, [short]), float_to_list(2.0, [{decimals, 2}, compact])]),
    io:format("~p ~p ~p~n", [1.0e15, 1.0e16, 123.0e20]),
    io:format("~p ~p~n", [2.5e-5, 0.001]),
    io:format("~b ~.16b ~.2B ~8.16.0b ~.16x ~.16X~n", [255, 255, 5, 255, 255, "0x", -255, "#"]),
    io:format("~p~n", [integer_to_list(255, 16)]),
    io:format("~p ~p~n", [list_to_integer("-ff", 16), list_to_integer("1010", 2)]),
    io:format("~p~n", [1 bsl 100]),
    io:format("~p ~p ~p~n", [7 div 2, -7 div 2, -7 rem 2]),
    io:format("~p ~p ~p~n", [7 / 2, 6 / 2, float(3)]),
    io:format("~p ~p ~p ~p~n", [round(2.5), round(-2.5), trunc(-2.7), ceil(2.1)]).
