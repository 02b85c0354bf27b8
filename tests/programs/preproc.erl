-module(preproc).
-export([main/0]).

-include("preproc_local.hrl").
-include("pp_defs.hrl").
-include_lib("kernel/include/file.hrl").

-define(TWICE(X), (2 * (X))).
-define(PAIR(A, B), {A, B}).
-define(PAIR(A), ?PAIR(A, A)).
-define(PAIR, pair_without_args).
-define(SHOW(E), io:format("~s = ~p~n", [??E, E])).
-define(WHERE, {?MODULE, ?FUNCTION_NAME, ?FUNCTION_ARITY}).
-define(DEBUG, true).

-ifdef(DEBUG).
mode() -> debug.
-else.
mode() -> release.
-endif.

-ifndef(DEBUG).
extra() -> not_compiled.
-endif.

-if(?OTP_RELEASE >= 25 andalso defined(DEBUG)).
release() -> at_least_25.
-elif(?OTP_RELEASE >= 21).
release() -> at_least_21.
-else.
release() -> old.
-endif.

-undef(DEBUG).
-ifdef(DEBUG).
undef_worked() -> false.
-else.
undef_worked() -> true.
-endif.

-if(false).
this is not Erlang at all, and is skipped.
-endif.

where(_A, _B) -> ?WHERE.

main() ->
    io:format("~p~n", [?TWICE(3 + 4)]),
    io:format("~p ~p ~p~n", [?PAIR(1, 2), ?PAIR(x), ?PAIR]),
    ?SHOW(lists:seq(1, 3)),
    ?SHOW(?TWICE(5) + 1),
    io:format("~p ~p~n", [?MODULE, ?MODULE_STRING]),
    io:format("line ~p~n", [?LINE]),
    io:format("~p~n", [where(a, b)]),
    io:format("~p ~p ~p~n", [mode(), release(), undef_worked()]),
    io:format("~s ~p ~p~n", [?GREETING, ?LOCAL, ?SQUARE(7)]),
    P = #point{x = 3},
    io:format("~p~n", [P]),
    io:format("~p~n", [#file_info.size]),
    io:format("~p~n", [?MACHINE]).
