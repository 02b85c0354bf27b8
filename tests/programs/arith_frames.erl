%% Which failing arithmetic puts an {erlang, Op, Args, _} frame on top of
%% the stack trace, as OTP 25's compiler and JIT decide (recorded from erl):
%% none for float arithmetic, for `+` with a small-integer literal and for
%% `-` with a non-negative small-integer literal second; a literal first
%% operand of a commutative operator is moved second. A fun's frame counts
%% its free variables in its arity.
-module(arith_frames).
-export([main/0]).

t(F) -> try F() catch error:R:S -> io:format("~p ~p~n", [R, frame(hd(S))]) end.

%% The top frame without its file name (the test runs the file by its
%% absolute path): {M, F, ArityOrArgs, Line or error_info}.
frame({M, F, A, Loc}) ->
    {M, F, A, proplists:get_value(line, Loc, proplists:get_value(error_info, Loc))}.

main() ->
    A = id(a), B = id(1), X = id(0), Big = id(1 bsl 70),
    t(fun() -> 1 / X end),
    t(fun() -> 1 div X end),
    t(fun() -> 1 rem X end),
    t(fun() -> A + 1 end),
    t(fun() -> 1.0 / X end),
    t(fun() -> A / 2 end),
    t(fun() -> A - 1 end),
    t(fun() -> 1 + A end),
    t(fun() -> 1 - A end),
    t(fun() -> A + B end),
    t(fun() -> A - B end),
    t(fun() -> Big + A end),
    t(fun() -> A + 1.5 end),
    t(fun() -> A + (1 bsl 70) end),
    t(fun() -> 2 * A end),
    t(fun() -> A * 2 end),
    t(fun() -> A + 576460752303423487 end),
    t(fun() -> A + 576460752303423488 end),
    t(fun() -> A - 576460752303423488 end),
    t(fun() -> A - 1.5 end),
    t(fun() -> 1.5 * A end),
    t(fun() -> 2 band A end),
    t(fun() -> 2 bor A end),
    t(fun() -> 2 bxor A end),
    t(fun() -> 2 div A end),
    t(fun() -> -1 + A end),
    t(fun() -> A - (-3) end),
    t(fun() -> A + -3 end),
    t(fun() -> id(1) / id(0) end),
    t(fun() -> 2 rem A end),
    t(fun() -> 1 bsl A end),
    t(fun() -> +A end),
    t(fun() -> -A end),
    t(fun() -> bnot A end),
    Y = id(b),
    F = fun(P, Q) -> {P, Q, A, Y} = {1, 2, 3, 4} end,
    t(fun() -> F(1, 2) end),
    io:format("~p~n", [literals()]),
    ok.

id(V) -> V.

%% Operands that are all literals after constant propagation: erlc calls
%% the BIF, and its frame is there.
literals() ->
    Max = 576460752303423487,
    Zero = 0,
    [try Max + foo catch error:R1:S1 -> {R1, frame(hd(S1))} end,
     try 1 / Zero catch error:R2:S2 -> {R2, frame(hd(S2))} end].
