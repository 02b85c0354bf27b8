%% The Erlang program equivalent to tests/gleam/run/use_callbacks.gleam
%% (`use` is a callback passed as the last argument); its output, run by
%% erl, is use_callbacks.expected.
-module(use_callbacks).
-export([main/0]).

with_resource(Name, Body) ->
    io:format("open ~s~n", [Name]),
    V = Body(Name ++ "!"),
    io:format("close ~s~n", [Name]),
    V.

twice(Body) -> Body(), Body().

classify(N) when N < 0 -> "negative";
classify(0) -> "zero";
classify(N) when N > 100 -> "big: " ++ integer_to_list(N);
classify(_) -> "small positive".

parse(S) -> try {ok, list_to_integer(S)} catch _:_ -> error end.
pad(A, B) ->
    case parse(A) of
        error -> {error, "bad a: " ++ A};
        {ok, X} -> case parse(B) of
            error -> {error, "bad b: " ++ B};
            {ok, 0} -> {error, "division by zero"};
            {ok, Y} -> {ok, X div Y}
        end
    end.
show({ok, N}) -> "Ok " ++ integer_to_list(N);
show({error, E}) -> "Error " ++ E.

main() ->
    [io:format("~s~n", [classify(N)]) || N <- [-5, 0, 3, 500]],
    [io:format("~s~n", [show(pad(A, B))]) || {A, B} <- [{"84", "2"}, {"x", "2"}, {"84", "y"}, {"84", "0"}]],
    L = with_resource("file.txt", fun(H) -> io:format("using ~s~n", [H]), "42" ++ H end),
    io:format("~s~n", [L]),
    twice(fun() ->
        io:format("twice~n"),
        io:format("~s~n", [integer_to_list(7) ++ "/" ++ "seven"]),
        D = [X * 2 || X <- [1, 2, 3]],
        io:format("~s~n", [lists:concat(D)]),
        [io:format("each ~p~n", [X]) || X <- [10, 20]]
    end).
