%% erpc: what OTP 25 nodes spawn here for `rpc:call`/`erpc:call`
%% (`execute_call/4`, whose exit reason carries the result back to the
%% caller's monitor), call/4,5 over rpc, and the wait behind a remote
%% `erlang:spawn/4`, `spawn_link/4`, `spawn_monitor/4` ('$spawn_wait'/4).
-module(erpc).
-export([execute_call/4, execute_call/3, execute_cast/3, call/4, call/5,
         '$spawn_wait'/4]).

execute_call(Ref, M, F, A) ->
    Reply = try
                {Ref, return, apply(M, F, A)}
            catch
                throw:Reason -> {Ref, throw, Reason};
                exit:Reason -> {Ref, exit, Reason};
                error:Reason:Stack -> {Ref, error, Reason, Stack}
            end,
    exit(Reply).

execute_call(M, F, A) -> {return, apply(M, F, A)}.

execute_cast(M, F, A) -> apply(M, F, A).

call(N, M, F, A) -> call(N, M, F, A, infinity).

call(N, M, F, A, T) ->
    case rpc:call(N, M, F, A, T) of
        {badrpc, nodedown} -> error({erpc, noconnection});
        {badrpc, timeout} -> error({erpc, timeout});
        {badrpc, {'EXIT', {Reason, Stack}}} when is_list(Stack) ->
            error({exception, Reason, Stack});
        {badrpc, {'EXIT', Reason}} -> exit({exception, Reason});
        R -> R
    end.

'$spawn_wait'(_Ref, false, Node, _Kind) ->
    error({not_connected, Node});
'$spawn_wait'(Ref, true, Node, Kind) ->
    receive
        {spawn_reply, Ref, ok, Pid} when Kind =:= spawn_monitor -> {Pid, Ref};
        {spawn_reply, Ref, ok, Pid} -> Pid;
        {spawn_reply, Ref, error, Reason} -> error({spawn_failed, Node, Reason})
    end.
