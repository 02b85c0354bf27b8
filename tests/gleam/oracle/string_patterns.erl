%% The Erlang program equivalent to tests/gleam/run/string_patterns.gleam
%% (Gleam strings are binaries; `"a" <> rest` is <<"a", Rest/binary>>);
%% its output, run by erl, is string_patterns.expected.
-module(string_patterns).
-export([main/0]).

command(<<"say ", W/binary>>) -> <<"saying: ", W/binary>>;
command(<<"add ", Ns/binary>>) ->
    try lists:sum([binary_to_integer(N) || N <- binary:split(Ns, <<" ">>, [global])]) of
        S -> <<"sum ", (integer_to_binary(S))/binary>>
    catch _:_ -> <<"bad numbers">>
    end;
command(Q) when Q =:= <<"quit">>; Q =:= <<"exit">>; Q =:= <<"bye">> -> <<"goodbye">>;
command(<<"go ", D/binary>>) -> <<"moving ", D/binary, " (go)">>;
command(<<"walk ", D/binary>>) -> <<"moving ", D/binary, " (walk)">>;
command(<<>>) -> <<"empty">>;
command(O) -> <<"unknown: ", O/binary>>.

i(N) -> integer_to_list(N).
shape([]) -> "empty";
shape([X]) -> "one " ++ i(X);
shape([X, X]) -> "a pair of " ++ i(X);
shape([X, Y]) -> "two " ++ i(X + Y);
shape([0 | R]) -> "starts with zero, then " ++ i(length(R));
shape([F, _, T | _]) -> "first " ++ i(F) ++ " third " ++ i(T).

q({0, 0}) -> "origin";
q({0, _}) -> "axis";
q({_, 0}) -> "axis";
q({X, Y}) when X > 0, Y > 0 -> "first";
q({X, Y}) when X < 0, Y > 0 -> "second";
q({X, _}) when X < 0 -> "third";
q(_) -> "fourth".

main() ->
    [io:format("~s~n", [command(L)]) || L <- [<<"say hello world">>, <<"add 1 2 3">>, <<"add 1 x">>, <<"quit">>,
                                             <<"bye">>, <<"go north">>, <<"walk east">>, <<>>, <<"dance">>]],
    [io:format("~s~n", [shape(X)]) || X <- [[], [7], [4, 4], [4, 5], [0, 1, 2, 3], [9, 8, 7, 6]]],
    io:format("~s~n", [lists:join(" ", [q(P) || P <- [{0, 0}, {0, 5}, {3, 0}, {1, 1}, {-1, 1}, {-1, -1}, {1, -1}]])]).
