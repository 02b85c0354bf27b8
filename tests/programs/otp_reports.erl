%% The reports logger and the behaviours write: a supervisor report for a
%% child that exits, and logger/error_logger messages and reports.
-module(otp_reports).
-behaviour(supervisor).
-export([main/0, init/1, start_worker/0]).

main() ->
    process_flag(trap_exit, true),
    {ok, Sup} = supervisor:start_link({local, rep_sup}, ?MODULE, []),
    [{w, P, worker, [?MODULE]}] = supervisor:which_children(Sup),
    P ! go,
    timer:sleep(50),
    logger:error(#{what => failed, count => 3}),
    timer:sleep(20),
    error_logger:warning_msg("low on ~s~n", ["tea"]),
    timer:sleep(20),
    logger:info("not shown at the default level"),
    io:format("done~n").

init([]) ->
    {ok, {#{strategy => one_for_one}, [#{id => w, start => {?MODULE, start_worker, []}}]}}.

start_worker() ->
    {ok, spawn_link(fun() -> receive go -> exit(boom) end end)}.
