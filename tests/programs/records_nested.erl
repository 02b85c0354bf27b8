-module(records_nested).
-export([main/0]).
-record(addr, {street = "", city = "nowhere", zip}).
-record(person, {name, age = 0, addr = #addr{}, tags = []}).
-record(team, {lead = #person{}, members = []}).
main() ->
    P = #person{name = "ann", age = 30, addr = #addr{city = "oslo", zip = 1}},
    io:format("~p~n", [P]),
    P2 = P#person{addr = (P#person.addr)#addr{street = "main st", zip = 2}},
    io:format("~p~n", [P2]),
    io:format("~p ~p~n", [P2#person.addr#addr.street, (P2#person.addr)#addr.zip]),
    T = #team{lead = P2, members = [P, #person{name = "bob"}]},
    T2 = T#team{lead = (T#team.lead)#person{addr = ((T#team.lead)#person.addr)#addr{city = "bergen"}}},
    io:format("~p~n", [T2#team.lead#person.addr#addr.city]),
    io:format("~p~n", [[N || #person{name = N, age = A} <- T2#team.members, A < 10]]),
    #person{addr = #addr{city = City}} = P,
    io:format("~p~n", [City]),
    io:format("~p ~p~n", [#person.age, #addr.zip]),
    io:format("~p~n", [record_info(fields, person)]),
    io:format("~p~n", [record_info(size, team)]),
    io:format("~p~n", [older(P, 18)]),
    io:format("~p~n", [older(P#person{age = 5}, 18)]),
    io:format("~p~n", [try (list_to_tuple([x]))#person.name catch error:E -> E end]),
    io:format("~p~n", [setelement(#person.age, P, 99)]).

older(#person{age = A} = P, Min) when A >= Min -> {adult, P#person.name};
older(#person{name = N}, _) -> {minor, N}.
