%% A realistic text job: split lines and words with string, count with
%% maps, rank with lists:sort/2, print a padded table.
-module(word_count).
-export([main/0]).

text() ->
    <<"The quick brown fox jumps over the lazy dog.\n"
      "The dog barks; the fox runs away!\r\n"
      "  A quick, quick fox...  \n\n"
      "Dogs and foxes: friends? Not quite.\n">>.

main() ->
    Lines = string:split(text(), "\n", all),
    io:format("lines: ~p~n", [length(Lines)]),
    NonEmpty = [string:trim(L) || L <- Lines, string:trim(L) =/= <<>>],
    io:format("non-empty: ~p~n", [NonEmpty]),
    Words = lists:append([string:lexemes(string:lowercase(L), " .,;:!?") || L <- NonEmpty]),
    io:format("words: ~p~n", [length(Words)]),
    Counts = lists:foldl(fun(W, M) -> maps:update_with(W, fun(C) -> C + 1 end, 1, M) end,
                         #{}, Words),
    Ranked = lists:sort(fun({W1, C1}, {W2, C2}) -> {-C1, W1} =< {-C2, W2} end,
                        maps:to_list(Counts)),
    lists:foreach(fun({W, C}) ->
                          io:format("~ts|~ts~n", [string:pad(W, 8), string:pad(integer_to_list(C), 3, leading)])
                  end, lists:sublist(Ranked, 8)),
    Longest = lists:foldl(fun(W, Acc) -> case string:length(W) > string:length(Acc) of true -> W; false -> Acc end end, <<>>, Words),
    io:format("longest: ~ts (~p)~n", [Longest, string:length(Longest)]),
    io:format("title: ~ts~n", [lists:join(" ", [string:titlecase(W) || W <- lists:sublist(Words, 4)])]),
    io:format("replaced: ~ts~n", [string:replace(hd(NonEmpty), "fox", "cat", all)]),
    io:format("reversed: ~ts~n", [string:reverse(<<"stressed">>)]),
    io:format("joined: ~s~n", [string:join(["a", "b", "c"], "-")]),
    io:format("tokens: ~p~n", [string:tokens("a=1;b=2;;c=3", ";")]),
    KVs = [list_to_tuple(string:split(T, "=")) || T <- string:tokens("a=1;b=2;;c=3", ";")],
    io:format("kvs: ~p~n", [[{list_to_atom(K), list_to_integer(V)} || {K, V} <- KVs]]),
    ok.
