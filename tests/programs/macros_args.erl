-module(macros_args).
-export([main/0]).
-define(SQ(X), ((X) * (X))).
-define(MAX(A, B), (if A > B -> A; true -> B end)).
-define(SHOW(E), io:format("~s = ~p~n", [??E, E])).
-define(PAIR(A, B), {A, B}).
-define(CONST, 42).
-define(CONST(X), X + 42).
-define(STR, "str" "ing").
-define(NEST(X), ?SQ(?SQ(X))).
-define(LOG(Fmt, Args), io:format("[~p:~p] " Fmt "~n", [?MODULE, ?LINE | Args])).
-ifdef(UNDEFINED_THING).
-define(MODE, undefined_mode).
-else.
-define(MODE, normal_mode).
-endif.
main() ->
    ?SHOW(?SQ(3 + 1)),
    ?SHOW(?MAX(3, 7)),
    ?SHOW(?PAIR(a, [1, 2])),
    ?SHOW(?CONST),
    ?SHOW(?CONST(1)),
    ?SHOW(?STR),
    ?SHOW(?NEST(2)),
    ?SHOW(lists:reverse([1, 2, 3])),
    ?LOG("value ~p and ~p", [x, y]),
    io:format("~p ~p ~p~n", [?MODE, ?MODULE, ?MODULE_STRING]),
    io:format("~p ~p~n", [?FUNCTION_NAME, ?FUNCTION_ARITY]),
    io:format("~p~n", [?LINE]).
