%% rpc: call/4,5 and cast/4 through the `rex` server of the other node, as
%% OTP's rpc did before erpc (OTP 25's rex still answers
%% `{call, M, F, A, GroupLeader}`), and this node's `rex` server, which
%% answers the same requests (started and registered as `rex` by the
%% runtime when the node starts). OTP 25 nodes calling us use erpc
%% (`SPAWN_REQUEST` of `erpc:execute_call/4`, see erpc.erl).
-module(rpc).
-export([call/4, call/5, cast/4, multicall/4, '$rex'/0]).

call(N, M, F, A) -> call(N, M, F, A, infinity).

call(N, M, F, A, _T) when N =:= node() ->
    local_call(M, F, A);
call(N, M, F, A, T) when is_atom(N), is_atom(M), is_atom(F), is_list(A) ->
    Ref = erlang:monitor(process, {rex, N}),
    {rex, N} ! {'$gen_call', {self(), Ref}, {call, M, F, A, our_group_leader()}},
    receive
        {Ref, Reply} ->
            erlang:demonitor(Ref, [flush]),
            Reply;
        {'DOWN', Ref, _, _, noconnection} ->
            {badrpc, nodedown};
        {'DOWN', Ref, _, _, Reason} ->
            {badrpc, {'EXIT', Reason}}
    after T ->
        erlang:demonitor(Ref, [flush]),
        {badrpc, timeout}
    end.

cast(N, M, F, A) ->
    {rex, N} ! {'$gen_cast', {cast, M, F, A, our_group_leader()}},
    true.

multicall(Nodes, M, F, A) ->
    Results = [{N, call(N, M, F, A)} || N <- Nodes],
    {[R || {_, R} <- Results, not is_badrpc(R)],
     [N || {N, R} <- Results, is_badrpc(R)]}.

is_badrpc({badrpc, _}) -> true;
is_badrpc(_) -> false.

local_call(M, F, A) ->
    try apply(M, F, A)
    catch
        throw:X -> X;
        exit:X -> {badrpc, {'EXIT', X}};
        error:X:S -> {badrpc, {'EXIT', {X, S}}}
    end.

%% The group leader we hand to other nodes' rex: this node's rex, which
%% prints what the call writes (io requests) here.
our_group_leader() ->
    case whereis(rex) of
        undefined -> self();
        P -> P
    end.

'$rex'() -> rex_loop().

rex_loop() ->
    receive
        {'$gen_call', {From, Tag}, {call, M, F, A, _GL}} ->
            spawn(fun() -> From ! {Tag, local_call(M, F, A)} end);
        {'$gen_call', {From, Tag}, {block_call, M, F, A, _GL}} ->
            From ! {Tag, local_call(M, F, A)};
        {'$gen_cast', {cast, M, F, A, _GL}} ->
            spawn(fun() -> local_call(M, F, A) end);
        {io_request, From, ReplyAs, Request} ->
            From ! {io_reply, ReplyAs, io_request(Request)};
        _ ->
            ok
    end,
    rex_loop().

io_request({put_chars, _Enc, Chars}) ->
    io:put_chars(Chars);
io_request({put_chars, _Enc, M, F, A}) ->
    io:put_chars(apply(M, F, A));
io_request({put_chars, Chars}) ->
    io:put_chars(Chars);
io_request({requests, Rs}) ->
    lists:foreach(fun io_request/1, Rs),
    ok;
io_request(_) ->
    {error, request}.
