%% The Erlang program equivalent to tests/gleam/run/actor_bank.gleam; its
%% output, run by erl, is actor_bank.expected.
-module(actor_bank).
-export([main/0]).

loop(S) ->
    receive
        {deposit, A, N, From} ->
            B = maps:get(A, S, 0) + N,
            From ! {reply, {ok, B}}, loop(S#{A => B});
        {withdraw, A, N, From} ->
            case maps:find(A, S) of
                error -> From ! {reply, {error, {no_such_account, A}}}, loop(S);
                {ok, B} when B < N -> From ! {reply, {error, {insufficient_funds, N, B}}}, loop(S);
                {ok, B} -> From ! {reply, {ok, B - N}}, loop(S#{A => B - N})
            end;
        {balance, A, From} ->
            From ! {reply, case maps:find(A, S) of {ok, B} -> {ok, B}; error -> {error, {no_such_account, A}} end},
            loop(S);
        {stop, From} -> From ! {reply, lists:sum(maps:values(S))}
    end.

call(Pid, Msg) -> Pid ! Msg, receive {reply, R} -> R after 1000 -> timeout end.

describe({ok, B}) -> io_lib:format("ok, balance ~p", [B]);
describe({error, {no_such_account, A}}) -> io_lib:format("error: no account ~s", [A]);
describe({error, {insufficient_funds, N, B}}) -> io_lib:format("error: needed ~p, available ~p", [N, B]).

main() ->
    Bank = spawn_link(fun() -> loop(#{}) end),
    Me = self(),
    Steps = [{deposit, "ann", 100, Me}, {deposit, "bob", 20, Me}, {withdraw, "ann", 30, Me},
             {withdraw, "bob", 50, Me}, {withdraw, "cat", 1, Me}, {deposit, "bob", 5, Me},
             {balance, "ann", Me}, {balance, "dan", Me}],
    [io:format("~s~n", [describe(call(Bank, S))]) || S <- Steps],
    io:format("total ~p~n", [call(Bank, {stop, Me})]),
    timer:sleep(20),
    io:format("bank alive: ~s~n", [case is_process_alive(Bank) of true -> "yes"; false -> "no" end]).
