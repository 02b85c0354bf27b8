-module(syntax_error1).
-export([main/0]).

%% Several syntax errors: each must be reported with file:line:col.

main() ->
    X = 1 +,
    io:format("~p~n", [X]).

broken(A) ->
    case A of
        1 -> one
        2 -> two
    end.

other() -> {a, b]].
