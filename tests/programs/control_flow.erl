-module(control_flow).
-export([main/0]).
main() ->
    io:format("~p~n", [[sign(X) || X <- [-5, 0, 7]]]),
    io:format("~p~n", [begin A = 1, B = A + 1, {A, B} end]),
    io:format("~p~n", [true andalso 42]),
    io:format("~p~n", [false orelse [x]]),
    io:format("~p~n", [try 1 andalso true catch error:E -> E end]),
    io:format("~p~n", [case {1, [2, 3]} of {X, [X | _]} -> same; {_, [Y | _]} when Y > 1 -> {second, Y} end]),
    io:format("~p~n", [nest(3)]),
    X1 = (catch 1 + 2),
    io:format("~p~n", [X1]),
    io:format("~p~n", [catch throw({error, thrown})]),
    io:format("~p~n", [catch exit_in_catch()]),
    io:format("~p~n", [(fun() -> case self() of P when is_pid(P) -> pid end end)()]),
    io:format("~p~n", [fizz(15)]),
    io:format("~p~n", [if 1 =:= 1.0 -> exact; 1 == 1.0 -> equal end]),
    io:format("~p~n", [(fun(N) -> if N rem 2 =:= 0 -> even; true -> odd end end)(7)]),
    io:format("~p~n", [loop(5, [])]).

sign(X) when X < 0 -> negative;
sign(0) -> zero;
sign(_) -> positive.

nest(N) ->
    case N of
        0 -> bottom;
        _ -> case N rem 2 of 0 -> {even, nest(N - 1)}; 1 -> {odd, nest(N - 1)} end
    end.

exit_in_catch() -> exit(gone).

fizz(N) -> [case {I rem 3, I rem 5} of {0, 0} -> fizzbuzz; {0, _} -> fizz; {_, 0} -> buzz; _ -> I end || I <- lists:seq(1, N)].

loop(0, Acc) -> Acc;
loop(N, Acc) -> loop(N - 1, [N | Acc]).
