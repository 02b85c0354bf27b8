-module(maybe_expr).
-feature(maybe_expr, enable).
-export([main/0]).

%% OTP 25's maybe expression (EEP 49), with and without else.
f(X) ->
    maybe
        {ok, A} ?= X,
        B = A + 1,
        true ?= B > 2,
        {B, A}
    end.

g(X) ->
    maybe
        {ok, A} ?= X,
        A * 2
    else
        error -> err;
        {error, R} when is_atom(R) -> {failed, R}
    end.

%% Only the first failing ?= counts; the last ?= gives the matched value.
h(L) ->
    maybe
        [H | _] ?= L,
        {tag, _} = T ?= H,
        T
    end.

parse(Bin) ->
    maybe
        <<Len:8, Rest/binary>> ?= Bin,
        <<Body:Len/binary, Tail/binary>> ?= Rest,
        {ok, Body, Tail}
    else
        <<>> -> {error, empty};
        _ -> {error, short}
    end.

main() ->
    io:format("~p~n", [[f({ok, 5}), f({ok, 1}), f(nope), g({ok, 4}), g(error), g({error, x})]]),
    io:format("~p~n", [[h([{tag, 1}]), h([x]), h([])]]),
    io:format("~p~n", [[parse(<<3, "abcde">>), parse(<<>>), parse(<<9, "ab">>)]]),
    try g(other) of
        V -> io:format("~p~n", [V])
    catch
        error:Reason:St ->
            [{M, F, A, Loc} | _] = St,
            io:format("~p ~p ~p ~p line ~p~n", [Reason, M, F, A, proplists:get_value(line, Loc)])
    end,
    io:format("~p~n", [maybe ok end]),
    X = maybe {ok, Y} ?= {ok, 42}, Y end,
    io:format("~p~n", [X]).
