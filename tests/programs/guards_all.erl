-module(guards_all).
-export([main/0]).
main() ->
    Vals = [1, -2, 3.5, a, "s", <<"b">>, <<1:3>>, {t, 1}, [], [1 | 2], #{k => v}, fun main/0, self(), make_ref()],
    [io:format("~p~n", [classify(V)]) || V <- Vals],
    [io:format("~p~n", [bifs(V)]) || V <- [{1, 2, 3}, [1, 2], <<"abc">>, -7, 7.5, #{a => 1}]],
    io:format("~p~n", [[X || X <- lists:seq(-3, 3), X > 0 andalso X rem 2 =:= 1 orelse X =:= -2]]),
    io:format("~p~n", [g2(5)]),
    io:format("~p~n", [g2(50)]),
    io:format("~p~n", [g2(a)]),
    io:format("~p~n", [fn(fun(_) -> ok end)]),
    io:format("~p~n", [fn(fun(_, _) -> ok end)]),
    io:format("~p~n", [rec({point, 1, 2})]),
    io:format("~p~n", [rec({other, 1})]),
    io:format("~p~n", [bad_guard(a)]).

classify(V) when is_integer(V), V > 0 -> pos_int;
classify(V) when is_integer(V) -> int;
classify(V) when is_float(V) -> float;
classify(V) when is_atom(V) -> atom;
classify(V) when is_binary(V) -> binary;
classify(V) when is_bitstring(V) -> bitstring;
classify(V) when is_tuple(V) -> tuple;
classify(V) when is_map(V) -> map;
classify(V) when is_function(V, 0) -> fun0;
classify(V) when is_pid(V) -> pid;
classify(V) when is_reference(V) -> ref;
classify([]) -> nil;
classify(V) when is_list(V), length(V) > 0 -> list;
classify(V) when is_list(V) -> improper.

bifs(V) when tuple_size(V) =:= 3, element(2, V) =:= 2 -> {tuple, setelement(1, V, x)};
bifs(V) when is_list(V), hd(V) =:= 1, tl(V) =:= [2] -> {list, length(V)};
bifs(V) when byte_size(V) =:= 3, bit_size(V) =:= 24, binary_part(V, 1, 1) =:= <<"b">> -> binary;
bifs(V) when abs(V) =:= 7, -V =:= 7, V div 2 =:= -3, V rem 2 =:= -1, V band 1 =:= 1, V bsl 1 =:= -14, bnot V =:= 6 -> neg7;
bifs(V) when trunc(V) =:= 7, round(V) =:= 8, float(7) < V, ceil(V) =:= 8, floor(V) =:= 7 -> float75;
bifs(V) when map_size(V) =:= 1, map_get(a, V) =:= 1, is_map_key(a, V) -> map.

g2(X) when X < 10; X > 40, X < 60 -> in;
g2(X) when not is_integer(X) -> notint;
g2(_) -> out.

fn(F) when is_function(F, 1) -> one;
fn(F) when is_function(F) -> {arity, element(2, erlang:fun_info(F, arity))}.

rec(R) when is_record(R, point, 3) -> point;
rec(_) -> no.

bad_guard(X) when X + 1 > 0 -> number;
bad_guard(X) when element(1, X) =:= a -> tuple;
bad_guard(_) -> guard_failed_silently.
