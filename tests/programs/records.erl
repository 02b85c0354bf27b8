-module(records).
-export([main/0]).

-record(person, {name, age = 0 :: non_neg_integer(), tags = [] :: [atom()]}).
-record(box, {content = #person{name = "nobody"}, label = <<"box">>}).
-record(counter, {n = 0}).
-record(empty, {}).

older(#person{age = A}, #person{age = B}) when A > B -> first;
older(_, _) -> second.

name_of(P) when P#person.age >= 18, is_record(P, person) -> {adult, P#person.name};
name_of(P) when is_record(P, person) -> {minor, P#person.name};
name_of(_) -> not_a_person.

bump(C = #counter{n = N}) -> C#counter{n = N + 1}.

main() ->
    P = #person{name = "Ann", age = 30},
    io:format("~p~n", [P]),
    io:format("~p~n", [#person{}]),
    io:format("~p~n", [#person{name = x, _ = all}]),
    io:format("~p ~p~n", [P#person.name, P#person.age]),
    Q = P#person{age = 31, tags = [admin]},
    io:format("~p~n", [Q]),
    io:format("~p~n", [older(Q, P)]),
    io:format("~p ~p~n", [#person.name, #person.tags]),
    io:format("~p ~p~n", [record_info(fields, person), record_info(size, person)]),
    io:format("~p ~p~n", [is_record(P, person), is_record(P, box)]),
    B = #box{},
    io:format("~p~n", [B]),
    io:format("~p~n", [(B#box.content)#person.name]),
    B2 = B#box{content = (B#box.content)#person{age = 5}},
    io:format("~p~n", [B2#box.content#person.age]),
    io:format("~p ~p ~p~n", [name_of(P), name_of(#person{name = kid, age = 3}), name_of({person})]),
    io:format("~p~n", [bump(bump(#counter{}))]),
    io:format("~p~n", [#empty{}]),
    #person{name = Name, tags = Tags} = Q,
    io:format("~p ~p~n", [Name, Tags]),
    case Q of
        #person{age = 31} = Whole -> io:format("31: ~p~n", [Whole#person.name]);
        _ -> io:format("other~n")
    end,
    io:format("~p~n", [[N || #person{name = N} <- [P, Q, {other, 1}]]]),
    io:format("~p~n", [err(fun() -> (list_to_tuple([q, 1, 2, 3]))#person.age end)]),
    io:format("~p~n", [err(fun() -> bump({counter, 1, 2}) end)]),
    io:format("~p~n", [err(fun() -> (id(foo))#person{age = 1} end)]),
    ok.

err(F) ->
    try F() catch error:R -> R end.

id(X) -> X.
