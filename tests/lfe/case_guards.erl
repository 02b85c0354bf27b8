-module(case_guards).
-export([main/0]).
classify(X) ->
  case X of
    N when is_integer(N), N > 0, N rem 2 == 0 -> 'pos-even';
    N when is_integer(N), N > 0 -> 'pos-odd';
    N when is_float(N) orelse N == 0 -> 'float-or-zero';
    L when is_list(L), length(L) > 2 -> 'long-list';
    {A, B} when is_atom(A) andalso A =:= B -> 'same-pair';
    T when is_tuple(T), tuple_size(T) == 3 -> triple;
    B when is_binary(B), byte_size(B) >= 2 -> bin;
    A when is_atom(hd(A)) -> 'bad-guard-is-false';
    _ -> other
  end.
main() ->
  io:format("~p~n", [lists:map(fun classify/1, [4, 3, 1.5, 0, [1,2,3], [1], {a,a}, {a,b}, {1,2,3}, <<"ab">>, x, -2])]).
