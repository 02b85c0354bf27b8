-module(constructs).
-export([run/0]).

run() ->
    X = 3,
    Y = case X of
            1 -> Z = one, Z;
            N when N > 2, is_integer(N); N =:= a -> W = big, W
        end,
    {A, B} = {X + 1, Y},
    L = [I * J || I <- lists:seq(1, 4), I rem 2 =:= 0, J <- [10, 20], J > I],
    F = fun Fact(0) -> 1; Fact(K) -> K * Fact(K - 1) end,
    G = fun (P) when P > 1 -> gt; (_) -> le end,
    T = try throw(oops) catch throw:R -> {caught, R} end,
    E = try error(bad) catch error:Why:St -> true = is_list(St), Why after ok end,
    C = catch 1 + a,
    Cmp = (1 < 2) andalso (a =/= b) orelse false,
    S = "ab" ++ "cd",
    Fs = [fun lists:reverse/1, fun helper/1],
    Ap = [H([1, 2]) || H <- Fs],
    if A > 3 -> V = yes; true -> V = no end,
    M = begin Q = 5, Q * 2 end,
    Rcv = receive nothing -> x after 0 -> timeout end,
    {Y, A, B, L, F(5), G(2), G(0), T, E, element(1, C), Cmp, S, Ap, V, M, Rcv, match_head([h | t])}.

helper(L) -> length(L).

match_head([H | _] = All) -> {H, All};
match_head(_) -> none.
