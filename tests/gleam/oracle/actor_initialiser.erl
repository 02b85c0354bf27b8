%% The Erlang program equivalent to tests/gleam/run/actor_initialiser.gleam
%% (the initialiser runs in the new process and acknowledges the starter,
%% like proc_lib:start_link); its output, run by erl, is
%% actor_initialiser.expected.
-module(actor_initialiser).
-export([main/0]).

start(Init, Handler) ->
    Me = self(),
    Ack = make_ref(),
    Pid = spawn_link(fun() ->
        case Init() of
            {ok, State, Return} -> Me ! {Ack, {ok, Return}}, loop(State, Handler);
            {error, R} -> Me ! {Ack, {error, R}}
        end
    end),
    receive {Ack, R} -> {Pid, R} after 1000 -> timeout end.

loop(State, Handler) ->
    receive M -> loop(Handler(State, M), Handler) end.

log_handler(Log, {record, T}) -> [T | Log];
log_handler(Log, {ticks, N}) -> ["tick " ++ integer_to_list(N) | Log];
log_handler(Log, {dump, From}) -> From ! {dump, lists:reverse(Log)}, Log.

main() ->
    {Pid, {ok, ok}} = start(fun() -> io:format("initialising~n"), {ok, ["started"], ok} end, fun log_handler/2),
    io:format("started~n"),
    Pid ! {record, "a"}, Pid ! {ticks, 1}, Pid ! {record, "b"}, Pid ! {ticks, 2},
    Pid ! {dump, self()},
    receive {dump, Log} -> [io:format("~s~n", [L]) || L <- Log] end,
    case start(fun() -> {error, "no database"} end, fun log_handler/2) of
        {_, {error, R}} -> io:format("init failed: ~s~n", [R])
    end,
    {_, {ok, ok}} = start(fun() -> register(my_logger, self()), {ok, [], ok} end,
        fun(Log, {record, T}) -> [T | Log]; (Log, {dump, From}) -> From ! {dump, Log}, Log end),
    my_logger ! {record, "x"}, my_logger ! {record, "y"}, my_logger ! {dump, self()},
    receive {dump, L2} -> io:format("~p records by name~n", [length(L2)]) end.
