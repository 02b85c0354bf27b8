%% Word frequencies of a short text: split, normalise, count in a map, and
%% rank by count (then alphabetically).
-module(word_count).
-export([main/0]).

text() ->
    "The actor model treats actors as the universal primitives of concurrent "
    "computation. In response to a message it receives, an actor can make "
    "local decisions, create more actors, send more messages, and determine "
    "how to respond to the next message received. Actors may modify their "
    "own private state, but can only affect each other indirectly through "
    "messaging.".

main() ->
    Words = string:lexemes(string:lowercase(text()), " .,"),
    Counts = lists:foldl(fun(W, M) -> maps:update_with(W, fun(C) -> C + 1 end, 1, M) end,
                         #{}, Words),
    io:format("~b words, ~b distinct~n", [length(Words), map_size(Counts)]),
    Ranked = lists:sort(fun({W1, C1}, {W2, C2}) -> {-C1, W1} =< {-C2, W2} end,
                        maps:to_list(Counts)),
    [io:format("~-10s ~b~n", [W, C]) || {W, C} <- lists:sublist(Ranked, 6)],
    Longest = lists:foldl(fun(W, Best) when length(W) > length(Best) -> W;
                             (_, Best) -> Best
                          end, "", Words),
    io:format("longest: ~s (~b letters)~n", [Longest, length(Longest)]).
