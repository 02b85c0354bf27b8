%% math (native) and erlang's number/text conversions, with error cases.
-module(math_conv).
-export([main/0]).

t(Name, F) ->
    try F() of
        V -> io:format("~s: ~p~n", [Name, V])
    catch
        C:R -> io:format("~s: ~p:~p~n", [Name, C, R])
    end.

main() ->
    [t(atom_to_list(F), fun() -> math:F(X) end)
     || F <- [sin, cos, tan, asin, acos, atan, sinh, cosh, tanh, asinh, atanh,
              exp, log, log2, log10, sqrt, ceil, floor],
        X <- [0, 0.5, -0.5, 1]],
    t("acosh", fun() -> [math:acosh(1), math:acosh(2.5)] end),
    t("pi", fun() -> math:pi() end),
    t("pow", fun() -> [math:pow(2, 10), math:pow(2.5, -1), math:pow(-8, 1/3)] end),
    t("pow big", fun() -> math:pow(10, 400) end),
    t("atan2", fun() -> [math:atan2(1, 1), math:atan2(-1, 0), math:atan2(0, -1)] end),
    t("fmod", fun() -> [math:fmod(7, 3), math:fmod(-7, 3), math:fmod(7.5, -2)] end),
    t("fmod 0", fun() -> math:fmod(1, 0) end),
    t("log 0", fun() -> math:log(0) end),
    t("log neg", fun() -> math:log(-1) end),
    t("sqrt neg", fun() -> math:sqrt(-1) end),
    t("asin 2", fun() -> math:asin(2) end),
    t("exp big", fun() -> math:exp(1000) end),
    t("sin atom", fun() -> math:sin(a) end),
    t("sqrt bignum", fun() -> math:sqrt(1 bsl 100) end),
    t("ceil/floor", fun() -> [math:ceil(-1.5), math:floor(-1.5), math:ceil(2), math:floor(2.0)] end),
    [t("float_to_list", fun() -> float_to_list(F, O) end)
     || F <- [1.5, 0.1, -2.0e-7, 123456.789, 1.0e20, 0.0, 0.125, 2.5, 999.9999],
        O <- [[], [{decimals, 3}], [{decimals, 3}, compact], [{scientific, 2}],
              [short], [{decimals, 0}], [{decimals, 10}, compact], [{scientific, 0}]]],
    t("float_to_list/1", fun() -> [float_to_list(1.5), float_to_list(-1.0e-300)] end),
    t("float_to_list bad opt", fun() -> float_to_list(1.5, [bad]) end),
    t("float_to_list big dec", fun() -> float_to_list(1.5, [{decimals, 254}]) end),
    t("float_to_list int", fun() -> float_to_list(1) end),
    t("float_to_binary", fun() -> [float_to_binary(1.5), float_to_binary(1.5, [{decimals, 2}]), float_to_binary(0.3, [short])] end),
    [t("list_to_float " ++ S, fun() -> list_to_float(S) end)
     || S <- ["1.5", "-1.5", "+1.5", "1", "1e5", "1.5e3", "1.5E-3", "1.", ".5",
              "1.5x", " 1.5", "1.5e", "1.5e+3", "0.0", "1_0.0", "1.0e400"]],
    t("list_to_float atom", fun() -> list_to_float(a) end),
    t("binary_to_float", fun() -> binary_to_float(<<"2.5e1">>) end),
    t("binary_to_float int", fun() -> binary_to_float(<<"2">>) end),
    t("integer_to_list", fun() -> [integer_to_list(255, 16), integer_to_list(-10, 2), integer_to_list(1 bsl 70)] end),
    t("integer_to_binary", fun() -> [integer_to_binary(-255, 16), integer_to_binary(36, 36)] end),
    t("integer_to_list bad base", fun() -> integer_to_list(1, 37) end),
    t("list_to_integer", fun() -> [list_to_integer("ff", 16), list_to_integer("-0012"), list_to_integer("+7")] end),
    t("list_to_integer bad", fun() -> list_to_integer("1.0") end),
    t("binary_to_integer", fun() -> [binary_to_integer(<<"-12">>), binary_to_integer(<<"zz">>, 36)] end),
    t("atom conversions", fun() -> [atom_to_list('a b'), atom_to_binary(abc), binary_to_atom(<<"x y">>), list_to_atom("Q")] end),
    t("list_to_existing_atom", fun() -> list_to_existing_atom("surely_not_an_atom_yet_xyz") end),
    t("list_to_binary", fun() -> list_to_binary([1, <<2>>, [3, "ab"]]) end),
    t("list_to_binary bad", fun() -> list_to_binary([256]) end),
    t("binary_to_list", fun() -> [binary_to_list(<<1,2,3>>), binary_to_list(<<1,2,3>>, 2, 3)] end),
    t("tuple_to_list", fun() -> [tuple_to_list({a, {b}}), list_to_tuple([a, [b]])] end),
    t("iolist", fun() -> [iolist_to_binary(["a", <<"b">>, $c]), iolist_size([<<1,2>>, 3])] end),
    t("pid_to_list", fun() -> is_list(pid_to_list(self())) end),
    t("list_to_pid", fun() -> list_to_pid("<0.4.0>") end),
    t("list_to_pid bad", fun() -> list_to_pid("<0.4>") end),
    t("ref_to_list", fun() -> lists:prefix("#Ref<", ref_to_list(make_ref())) end),
    t("fun_to_list", fun() -> erlang:fun_to_list(fun lists:map/2) end),
    t("number ops", fun() -> [trunc(-2.5), round(2.5), round(-2.5), float(3), abs(-3), 7 div -2, -7 rem 2] end),
    ok.
