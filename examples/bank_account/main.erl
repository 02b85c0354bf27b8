%% A bank account as a process: deposits, withdrawals that may be refused,
%% a statement, and an idle timeout that closes the account.
-module(bank_account).
-export([main/0]).

main() ->
    Account = spawn(fun() -> account(0, []) end),
    io:format("~p~n", [request(Account, {deposit, 100})]),
    io:format("~p~n", [request(Account, {withdraw, 30})]),
    io:format("~p~n", [request(Account, {withdraw, 500})]),
    io:format("~p~n", [request(Account, {deposit, -5})]),
    io:format("~p~n", [request(Account, balance)]),
    io:format("statement: ~p~n", [request(Account, statement)]),
    Ref = monitor(process, Account),
    receive
        {'DOWN', Ref, process, Account, Reason} ->
            io:format("account closed: ~p~n", [Reason])
    after 2000 ->
        io:format("still open~n")
    end,
    io:format("after closing: ~p~n", [request(Account, balance)]).

%% Sends a request and waits for the answer, or gives up after 500 ms.
request(Account, Req) ->
    Ref = make_ref(),
    Account ! {self(), Ref, Req},
    receive
        {Ref, Reply} -> Reply
    after 500 ->
        no_answer
    end.

account(Balance, History) ->
    receive
        {From, Ref, {deposit, N}} when is_integer(N), N > 0 ->
            From ! {Ref, {ok, Balance + N}},
            account(Balance + N, [{deposit, N} | History]);
        {From, Ref, {withdraw, N}} when is_integer(N), N > 0, N =< Balance ->
            From ! {Ref, {ok, Balance - N}},
            account(Balance - N, [{withdraw, N} | History]);
        {From, Ref, {withdraw, N}} when is_integer(N), N > 0 ->
            From ! {Ref, {error, {insufficient_funds, Balance}}},
            account(Balance, History);
        {From, Ref, balance} ->
            From ! {Ref, Balance},
            account(Balance, History);
        {From, Ref, statement} ->
            From ! {Ref, lists:reverse(History)},
            account(Balance, History);
        {From, Ref, Other} ->
            From ! {Ref, {error, {bad_request, Other}}},
            account(Balance, History)
    after 500 ->
        exit({idle, Balance})
    end.
