-module(fun_info_items).
-export([main/0, mk/1]).

%% erlang:fun_info/2 for the portable items of local and external funs.
mk(X) -> fun(A) -> A + X end.

main() ->
    F = ?MODULE:mk(5),
    G = fun lists:map/2,
    H = fun(A, B) -> {A, B} end,
    lists:foreach(
      fun(I) -> io:format("~p ~p~n", [I, [erlang:fun_info(Fun, I) || Fun <- [F, G, H]]]) end,
      [arity, module, name, env, type]),
    Err = fun(Fn) -> try Fn() catch error:R -> R end end,
    io:format("~p~n", [[Err(fun() -> erlang:fun_info(F, bad) end),
                        Err(fun() -> erlang:fun_info(x, arity) end),
                        (F)(1), H(1, 2)]]).
