-module(fclause_args).
-export([main/0]).

%% function_clause puts the call's arguments in the top frame of the stack
%% trace, also for functions whose clauses match binaries on sizes bound in
%% the same pattern (which the lowering splits into several functions).
parse(<<1, Sz:8, Str:Sz/binary, Rest/binary>>, Acc) -> parse(Rest, [Str | Acc]);
parse(<<2, N:16>>, Acc) -> [N | Acc];
parse(<<>>, Acc) -> lists:reverse(Acc).

f(1, x) -> one;
f(2, Y) when is_atom(Y) -> two.

id(X) -> X.

g(a, B) -> B.

top(St) ->
    [{M, F, A, Loc} | _] = St,
    {M, F, A, proplists:get_value(line, Loc)}.

main() ->
    io:format("~p~n", [parse(<<1, 2, "ab", 1, 1, "c">>, [])]),
    Calls = [fun() -> parse(<<1, 5, "ab">>, [x]) end,
             fun() -> parse(<<3>>, []) end,
             fun() -> f(2, "s") end,
             fun() -> f(a, b) end,
             fun() -> G = id(fun g/2), G(b, c) end],
    lists:foreach(
      fun(C) ->
              try C() catch error:R:St -> io:format("~p ~p~n", [R, top(St)]) end
      end, Calls).
