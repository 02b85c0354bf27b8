%% The Erlang program equivalent to tests/gleam/run/records_nested.gleam
%% (records as tagged tuples in declaration order); its output, run by erl,
%% is records_nested.expected. inspect/1 writes what Gleam's string.inspect
%% writes for these values.
-module(records_nested).
-export([main/0]).

birthday({person, N, A, Ad, T}) -> {person, N, A + 1, Ad, T}.
move({person, N, A, {address, _, _, Z}, T}, City) -> {person, N, A, {address, "Main St 1", City, Z}, T}.

describe({person, N, A, {address, _, "Oslo", _}, _}) -> N ++ " (" ++ integer_to_list(A) ++ ") lives in the capital";
describe({person, N, _, {address, _, C, Z}, [F | _]}) -> N ++ " lives in " ++ C ++ " " ++ integer_to_list(Z) ++ ", first tag " ++ F;
describe({person, N, _, _, []}) -> N ++ " has no tags".

inspect(S) when is_list(S), S =/= [], is_integer(hd(S)) -> "\"" ++ S ++ "\"";
inspect(I) when is_integer(I) -> integer_to_list(I);
inspect(L) when is_list(L) -> "[" ++ lists:join(", ", [inspect(X) || X <- L]) ++ "]";
inspect(T) when is_tuple(T) ->
    [Tag | Fields] = tuple_to_list(T),
    [C | Rest] = atom_to_list(Tag),
    [string:to_upper(C) | Rest] ++ "(" ++ lists:join(", ", [inspect(F) || F <- Fields]) ++ ")".

main() ->
    Home = {address, "Bryggen 2", "Bergen", 5003},
    Ann = {person, "Ann", 37, Home, ["admin"]},
    Bob = {person, "Bob", 25, setelement(4, Home, 5006), []},
    io:format("~s~n", [describe(Ann)]),
    io:format("~s~n", [describe(Bob)]),
    Ann2 = move(birthday(birthday(Ann)), "Oslo"),
    io:format("~s~n", [describe(Ann2)]),
    io:format("~s, ~s~n", [element(2, element(4, Ann2)), element(2, element(4, Ann))]),
    io:format("~s~n", [inspect(Ann2)]),
    io:format("~s~n", [inspect(element(4, Bob))]),
    People = [Ann, Bob, {person, "Cat", 30, element(4, Bob), ["x", "y"]}],
    Sorted = lists:sort(fun(A, B) -> element(3, A) =< element(3, B) end, People),
    io:format("~s~n", [lists:join(" ", [N ++ ":" ++ integer_to_list(A) || {person, N, A, _, _} <- Sorted])]),
    io:format("~p~n", [lists:sum([length(T) || {person, _, _, _, T} <- People])]),
    io:format("~s~n", [case Ann =:= setelement(4, setelement(3, Ann2, 37), Home) of true -> "True"; false -> "False" end]).
