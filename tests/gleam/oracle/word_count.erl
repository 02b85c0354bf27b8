%% The Erlang program equivalent to tests/gleam/run/word_count.gleam; its
%% output, run by erl, is word_count.expected.
-module(word_count).
-export([main/0]).

words(T) -> string:lexemes(string:lowercase(T), " ,.").
count(Ws) -> lists:foldl(fun(W, M) -> maps:update_with(W, fun(N) -> N + 1 end, 1, M) end, #{}, Ws).

main() ->
    Counts = count(words("The cat sat. The cat ran, and the dog sat on the mat.")),
    Sorted = lists:sort(fun({A, NA}, {B, NB}) -> {-NA, A} =< {-NB, B} end, maps:to_list(Counts)),
    [io:format("~s ~p~n", [W, N]) || {W, N} <- Sorted],
    io:format("total ~p~n", [lists:sum(maps:values(Counts))]),
    io:format("distinct ~p~n", [maps:size(Counts)]),
    Other = sets:from_list(words("A dog and a cat played on the grass.")),
    Mine = sets:from_list(maps:keys(Counts)),
    Show = fun(S) -> lists:join(",", lists:sort(sets:to_list(S))) end,
    io:format("both: ~s~n", [Show(sets:intersection(Mine, Other))]),
    io:format("either: ~p~n", [sets:size(sets:union(Mine, Other))]),
    io:format("only mine: ~s~n", [Show(sets:subtract(Mine, Other))]),
    {ok, N} = maps:find("cat", Counts), error = maps:find("bird", Counts),
    io:format("cat ~p, no bird~n", [N]).
