%% The Erlang program equivalent to tests/gleam/run/factory_supervisor.gleam;
%% its output, run by erl, is factory_supervisor.expected.
-module(factory_supervisor).
-behaviour(supervisor).
-export([main/0, init/1, start_worker/1]).

init([]) ->
    {ok, {#{strategy => simple_one_for_one, intensity => 2, period => 5},
          [#{id => worker, start => {?MODULE, start_worker, []},
             restart => transient, shutdown => 5000}]}}.

start_worker(Name) ->
    io:format("start ~s~n", [Name]),
    {ok, spawn_link(fun() -> loop(Name) end)}.

loop(Name) ->
    receive
        crash -> exit(crash);
        stop -> ok;
        {ping, From} -> From ! {pong, Name}, loop(Name)
    end.

yes_no(true) -> "yes";
yes_no(false) -> "no".

main() ->
    {ok, Sup} = supervisor:start_link(?MODULE, []),
    {ok, A} = supervisor:start_child(Sup, ["a"]),
    {ok, B} = supervisor:start_child(Sup, ["b"]),
    A ! {ping, self()},
    receive {pong, N} -> io:format("pong ~s~n", [N]) end,
    A ! crash,
    timer:sleep(50),
    B ! stop,
    timer:sleep(50),
    io:format("a alive: ~s~n", [yes_no(is_process_alive(A))]),
    io:format("b alive: ~s~n", [yes_no(is_process_alive(B))]),
    io:format("supervisor alive: ~s~n", [yes_no(is_process_alive(Sup))]).
