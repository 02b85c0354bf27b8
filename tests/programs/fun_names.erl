%% The numbers OTP gives funs in their names (-f/0-fun-N-): inner funs
%% first, tuple and list elements and call arguments from the last.
-module(fun_names).
-export([main/0]).
n(F) -> {name, N} = erlang:fun_info(F, name), N.
t() -> {fun() -> a end, fun() -> b end, fun() -> c end}.
s() -> A = fun() -> a end, B = fun() -> b end, {A, B}.
c(X) -> foo(fun() -> a end, fun() -> b end, X).
foo(A, B, _) -> {A, B}.
l() -> [fun() -> a end, fun() -> b end].
nest() -> fun() -> {fun() -> a end, fun() -> b end} end.
lc() -> [fun() -> X end || X <- [1]].
m() -> #{a => fun() -> a end, b => fun() -> b end}.
cs(X) -> case X of 1 -> fun() -> a end; _ -> fun() -> b end end.
main() ->
  {A,B,C} = t(), io:format("tuple ~p~n", [[n(A),n(B),n(C)]]),
  {D,E} = s(), io:format("seq ~p~n", [[n(D),n(E)]]),
  {F,G} = c(1), io:format("call ~p~n", [[n(F),n(G)]]),
  [H,I] = l(), io:format("list ~p~n", [[n(H),n(I)]]),
  J = nest(), {K,L} = J(), io:format("nest ~p~n", [[n(J),n(K),n(L)]]),
  [M] = lc(), io:format("lc ~p~n", [[n(M)]]),
  #{a := P, b := Q} = m(), io:format("map ~p~n", [[n(P),n(Q)]]),
  io:format("case ~p~n", [[n(cs(1)), n(cs(2))]]).
