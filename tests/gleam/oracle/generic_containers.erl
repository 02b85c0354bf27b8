%% The Erlang program equivalent to tests/gleam/run/generic_containers.gleam;
%% its output, run by erl, is generic_containers.expected.
-module(generic_containers).
-export([main/0]).

push({stack, Items, N}, X) -> {stack, [X | Items], N + 1}.
pop({stack, [], _}) -> error;
pop({stack, [T | R], N}) -> {ok, {T, {stack, R, N - 1}}}.
enqueue({queue, F, B}, X) -> {queue, F, [X | B]}.
dequeue({queue, [], []}) -> error;
dequeue({queue, [], B}) -> dequeue({queue, lists:reverse(B), []});
dequeue({queue, [X | F], B}) -> {ok, {X, {queue, F, B}}}.
insert(leaf, V, _) -> {node, leaf, V, leaf};
insert({node, L, V, R}, X, C) ->
    case C(X, V) of true -> {node, insert(L, X, C), V, R}; false -> {node, L, V, insert(R, X, C)} end.
map_tree(leaf, _) -> leaf;
map_tree({node, L, V, R}, F) -> {node, map_tree(L, F), F(V), map_tree(R, F)}.
fold_tree(leaf, Acc, _) -> Acc;
fold_tree({node, L, V, R}, Acc, F) -> fold_tree(R, F(fold_tree(L, Acc, F), V), F).
drain(S, Pop, Show) -> case Pop(S) of error -> []; {ok, {X, R}} -> [Show(X) | drain(R, Pop, Show)] end.
pair({K, V}) -> K ++ "=" ++ integer_to_list(V).
inspect(L) -> "[" ++ lists:join(", ", [if is_integer(X) -> integer_to_list(X); true -> "\"" ++ X ++ "\"" end || X <- L]) ++ "]".

main() ->
    Ints = lists:foldl(fun(X, S) -> push(S, X) end, {stack, [], 0}, [1, 2, 3]),
    io:format("~s~n", [lists:join(" ", drain(Ints, fun pop/1, fun integer_to_list/1))]),
    Words = push(push({stack, [], 0}, "a"), "b"),
    io:format("~s~n", [lists:join(" ", drain(Words, fun pop/1, fun(S) -> S end))]),
    io:format("~p ~p~n", [element(3, Ints), element(3, Words)]),
    Q0 = enqueue(enqueue({queue, [], []}, {"x", 1}), {"y", 2}),
    {ok, {First, Q1}} = dequeue(Q0),
    Q2 = enqueue(Q1, {"z", 3}),
    io:format("~s; ~s~n", [pair(First), lists:join(", ", drain(Q2, fun dequeue/1, fun pair/1))]),
    Less = fun(A, B) -> A < B end,
    Tree = lists:foldl(fun(X, T) -> insert(T, X, Less) end, leaf, [5, 3, 8, 1, 4, 9]),
    io:format("~s~n", [inspect(lists:reverse(fold_tree(Tree, [], fun(Acc, X) -> [X | Acc] end)))]),
    Labels = map_tree(Tree, fun(X) -> "n" ++ integer_to_list(X * X) end),
    io:format("~s~n", [fold_tree(Labels, "", fun(Acc, S) -> Acc ++ S ++ " " end)]),
    io:format("~p~n", [fold_tree(Tree, 0, fun(Acc, X) -> Acc + X end)]),
    ByLen = lists:foldl(fun(S, T) -> insert(T, S, fun(A, B) -> length(A) < length(B) end) end, leaf, ["pear", "fig", "banana", "kiwi"]),
    io:format("~s~n", [inspect(fold_tree(ByLen, [], fun(Acc, S) -> [S | Acc] end))]).
