-module(math_erf).
-export([main/0]).
%% math:erf/1 and math:erfc/1 on a table covering each range of the
%% approximation (tiny, |x| < 0.84375, near 1, up to 2.857, up to 6, up to 28, beyond).
main() ->
    Xs = [0, 0.0, 1.0e-300, 1.0e-20, 1.0e-9, 0.1, 0.25, 0.3, 0.5, 0.8, 0.84375, 0.9,
          1, 1.2, 1.25, 1.5, 2, 2.5, 2.857, 3, 4, 5, 5.9, 6, 7, 10, 20, 27.9, 28, 30, 100],
    lists:foreach(fun(X) ->
                          io:format("~p ~p ~p ~p ~p~n",
                                    [X, math:erf(X), math:erf(-X), math:erfc(X), math:erfc(-X)])
                  end, Xs),
    Bad = fun(F, A) -> try math:F(A) catch C:R -> {C, R} end end,
    io:format("~p ~p~n", [Bad(erf, a), Bad(erfc, "x")]).
