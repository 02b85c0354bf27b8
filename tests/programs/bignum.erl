-module(bignum).
-export([main/0]).

fact(0) -> 1;
fact(N) -> N * fact(N - 1).

show(Label, V) -> io:format("~s: ~p~n", [Label, V]).

safe(F) ->
    try F() of
        V -> {ok, V}
    catch
        C:R -> {C, R}
    end.

main() ->
    show("fact 20", fact(20)),
    show("fact 25", fact(25)),
    show("fact 100", fact(100)),
    show("2 bsl 100", 2 bsl 100),
    show("-(1 bsl 70) bsr 3", -(1 bsl 70) bsr 3),
    B = 1 bsl 70,
    N = -B - 12345,
    show("band", N band 16#FFFFFFFFFFFFFFFFFFFFFFFF),
    show("band2", N band -(1 bsl 65)),
    show("bor", N bor 16#F0F0),
    show("bor2", N bor (B + 7)),
    show("bxor", N bxor (B * 3 + 1)),
    show("bxor2", N bxor -1),
    show("bnot", bnot N),
    show("bnot2", bnot B),
    show("bsr neg", N bsr 66),
    show("bsl neg", N bsl -66),
    show("bsr big", N bsr 200),
    L = fact(30),
    show("div ++", L div 1000000007),
    show("div -+", -L div 1000000007),
    show("div +-", L div -1000000007),
    show("div --", -L div -1000000007),
    show("rem ++", L rem 1000000007),
    show("rem -+", -L rem 1000000007),
    show("rem +-", L rem -1000000007),
    show("rem --", -L rem -1000000007),
    show("big div big", fact(40) div fact(30)),
    show("big rem big", (fact(40) + 17) rem -fact(30)),
    show("normalise", (B + 1) - B),
    show("normalise2", B div B),
    show("small edge", {(1 bsl 59) - 1, 1 bsl 59, -(1 bsl 59), -(1 bsl 59) - 1}),
    show("i64 edge", {9223372036854775807 + 1, -9223372036854775808 - 1}),
    show("literal", {123456789012345678901234567890, -123456789012345678901234567890,
                     16#FFFFFFFFFFFFFFFFFFFF, 2#1000000000000000000000000000000000000000000000000000000000000000000}),
    show("abs", {abs(N), abs(-N), -N}),
    show("cmp1", {1 bsl 64 == 18446744073709551616.0, 1 bsl 64 =:= 18446744073709551616.0}),
    show("cmp2", {(1 bsl 64) + 1 > 18446744073709551616.0, (1 bsl 64) + 1 == 18446744073709551616.0}),
    show("cmp3", {B > 1, -B < -1, B < 1.0e300, -B > -1.0e300, B > 1.0e10, B < atom}),
    show("cmp4", {(1 bsl 58) + 1 == float(1 bsl 58), (1 bsl 58) + 1 > float(1 bsl 58)}),
    show("cmp5", {B == B + 0, B =:= (B * 2) div 2, B =/= B + 1, max(B, 3), min(-B, 3)}),
    show("sort", lists:sort([B, 1.5, -B, 0, 1.0e30, -1.0e30, 1 bsl 64, 18446744073709551616.0])),
    show("mixed", {B + 0.5, B * 2.0, B / 4, 1.0 - B, B / B}),
    show("float", float(1 bsl 80)),
    show("float2", float(-fact(25))),
    show("overflow", safe(fun() -> 1.0e300 * 1.0e300 end)),
    show("bigfloat", safe(fun() -> float(1 bsl 1100) end)),
    show("bigfloat2", safe(fun() -> (1 bsl 1100) + 0.5 end)),
    show("bigfloat3", safe(fun() -> (1 bsl 1100) / 2 end)),
    show("trunc", trunc(1.0e20)),
    show("round", {round(-1.5e25), ceil(1.0e19 + 0.0), floor(-2.5e19)}),
    show("trunc30", trunc(1.0e30)),
    show("i2l", integer_to_list(1 bsl 100, 16)),
    show("i2l2", integer_to_list(-fact(22))),
    show("i2l3", integer_to_list(-(1 bsl 90), 36)),
    show("l2i", list_to_integer("1234567890123456789012345678901234567890")),
    show("l2i2", list_to_integer("-ffffffffffffffffffffffff", 16)),
    show("l2i3", list_to_integer("+0000000000000000000000000000000042")),
    show("badarith", safe(fun() -> B div 0 end)),
    show("badarith2", safe(fun() -> B band 1.0 end)),
    io:format("~w ~b ~.16B ~.16b ~x ~#~n", [N, B, N, B, -B, "0x", B]),
    io:format("[~30w] [~-30B]~n", [B, N]),
    bits(),
    messages(),
    ok.

%% Bignums are copied by send (and survive the receiver's collections).
messages() ->
    Self = self(),
    P = spawn(fun() ->
                  receive {From, X} ->
                      erlang:garbage_collect(),
                      From ! {self(), X + 1, [X, {X}]}
                  end
              end),
    P ! {Self, 1 bsl 200},
    receive {P, Y, L} -> io:format("~p~n~p~n", [Y, L]) end.

%% Bit syntax with integers beyond 64 bits.
bits() ->
    B = 1 bsl 100 + 12345,
    N = -(1 bsl 90) - 7,
    io:format("~w~n", [<<B:128>>]),
    io:format("~w~n", [<<B:128/little>>]),
    io:format("~w~n", [<<N:100>>]),
    io:format("~w~n", [<<N:100/little>>]),
    io:format("~w~n", [<<B:70>>]),
    io:format("~w~n", [<<N:64/float>>]),
    <<X:128>> = <<B:128>>,
    <<Y:100/signed>> = <<N:100>>,
    <<Z:100/signed-little>> = <<N:100/little>>,
    <<U:100/unsigned-little>> = <<N:100/little>>,
    <<V:200>> = list_to_binary(lists:seq(1, 25)),
    <<W:67/signed, _/bitstring>> = <<255, 255, 255, 255, 255, 255, 255, 255, 255>>,
    io:format("~w~n", [{X, Y, Z, U, V, W}]).
