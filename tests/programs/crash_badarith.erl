-module(crash_badarith).
-export([main/0]).

%% main crashes with badarith: the run exits with status 1 and a crash
%% report naming the error, the module and the line.

main() ->
    io:format("before~n"),
    Zero = zero(),
    X = 10 div Zero,
    io:format("never ~p~n", [X]).

zero() -> 0.
