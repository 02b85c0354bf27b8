%% proplists: lookups, rewriting and conversions, compared with erl.
-module(proplists_ops).
-export([main/0]).

t(Name, F) ->
    try F() of
        V -> io:format("~s: ~p~n", [Name, V])
    catch
        C:R -> io:format("~s: ~p:~p~n", [Name, C, R])
    end.

main() ->
    L = [a, {b, 1}, {c, 2, 3}, "str", {b, 2}, {d, true}, {e, false}, {a, other}, {1, x}, {f, [1, 2]}, {f, 3}, f],
    t("property", fun() -> [proplists:property({a, true}), proplists:property({a, 1}), proplists:property(b, true), proplists:property(b, 2), proplists:property("x", true)] end),
    t("unfold", fun() -> proplists:unfold(L) end),
    t("compact", fun() -> proplists:compact([{a, true}, {b, false}, c, {"s", true}]) end),
    [t("lookup " ++ io_lib:format("~p", [K]), fun() -> {proplists:lookup(K, L), proplists:lookup_all(K, L), proplists:is_defined(K, L), proplists:get_value(K, L), proplists:get_value(K, L, def), proplists:get_all_values(K, L), proplists:append_values(K, L), proplists:get_bool(K, L)} end)
     || K <- [a, b, c, d, e, f, 1, 1.0, z, "str"]],
    t("get_keys2", fun() -> proplists:get_keys([z, {y, 1}, x, {w, 2, 3}, {y, 2}, a]) end),
    t("delete", fun() -> [proplists:delete(a, L), proplists:delete(b, L), proplists:delete(z, L)] end),
    t("aliases", fun() -> proplists:substitute_aliases([{a, x}, {b, y}, {f, g}], L) end),
    t("negations", fun() -> proplists:substitute_negations([{a, no_a}, {d, no_d}, {e, no_e}, {c, no_c}], L) end),
    t("expand", fun() -> proplists:expand([{a, [x, {y, 1}]}, {{e, false}, [q]}], [{a, true}, b, {e, false}, a, {a, 1}, c]) end),
    t("expand mismatch", fun() -> proplists:expand([{{a, 2}, [x]}], [{a, 1}, {a, 2}]) end),
    t("normalize", fun() -> proplists:normalize([a, {b, true}, {c, false}, d], [{aliases, [{a, aa}]}, {negations, [{c, no_c}]}, {expand, [{d, [{e, true}, f]}]}]) end),
    t("split", fun() -> proplists:split([{c, 2}, {e, 1}, a, {c, 3, 4}, d, {b, 5}, b, "x"], [a, b, c]) end),
    t("to_map", fun() -> proplists:to_map([a, {b, 1}, {b, 2}, {c, 1, 2}, "x", {d, e}]) end),
    t("to_map/2", fun() -> proplists:to_map([a, {b, 1}], [{aliases, [{a, z}]}]) end),
    t("from_map", fun() -> proplists:from_map(#{a => 1, b => 2}) end),
    t("get_value bad", fun() -> proplists:get_value(a, x) end),
    t("lookup bad", fun() -> proplists:lookup(a, [b | c]) end),
    ok.
