-module(pattern_forms).
-export([main/0]).
-compile({no_auto_import, [error/1]}).
-compile({inline, [twice/1]}).
-dialyzer({nowarn_function, twice/1}).

-define(FLAG, (16#01 bsl 32)).

flag(?FLAG) -> big_flag;
flag(2 * 3 + (7 band 3) - (1 bsl 2)) -> small;
flag(-(1 bsl 3)) -> negative;
flag(_) -> other.

timeout(infinity = T = Timeout) -> {inf, T, Timeout};
timeout({dirty, T} = {_, N} = Whole) -> {T, N, Whole};
timeout([a | _] = [_, B]) -> {list, B};
timeout(X) -> {other, X}.

lang(#{<<"en">> := Doc}) -> {english, Doc};
lang(#{{lang, 1 + 1} := Doc}) -> {two, Doc};
lang(_) -> none.

key(K, M) ->
    case M of
        #{{tag, K} := V} -> {found, V};
        _ -> missing
    end.

catcher(F) ->
    try F()
    catch
        throw:{noreply, _} = Return -> {returned, Return};
        error:undef = R:Stack when is_atom(R) -> {undef, R, is_list(Stack)};
        throw : {invalid, _} = Invalid : _ -> {invalid, Invalid}
    end.

twice(X) -> 2 * X.
error(X) -> {my_error, X}.

main() ->
    io:format("~p~n", [[flag(1 bsl 32), flag(3), flag(-8), flag(0)]]),
    io:format("~p~n", [[timeout(infinity), timeout({dirty, 5}), timeout([a, b]), timeout(x)]]),
    io:format("~p~n", [[lang(#{<<"en">> => x}), lang(#{{lang, 2} => y}), lang(#{})]]),
    io:format("~p ~p~n", [key(1, #{{tag, 1} => one}), key(2, #{{tag, 1} => one})]),
    io:format("~p~n", [catcher(fun() -> throw({noreply, s}) end)]),
    io:format("~p~n", [catcher(fun() -> pattern_forms_nope:f() end)]),
    io:format("~p~n", [catcher(fun() -> throw({invalid, 1}) end)]),
    io:format("~p ~p~n", [twice(21), error(x)]).
