-module(pp_error).
-export([main/0]).
-define(F(X), {X}).

main() -> {?NOPE, ?F(1, 2)}.
