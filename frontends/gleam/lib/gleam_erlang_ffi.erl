%% Erlang side of gleam/erlang/process and gleam/otp/actor: typed subjects
%% are `{subject, Owner, Tag}` and their messages `{Tag, Message}`, as in
%% gleam_erlang; a selector is `{selector, Handlers}` where Handlers maps a
%% subject tag (or `{down, MonitorRef}`, or `anything`) to a function that
%% turns the message into the selector's payload type.
-module(gleam_erlang_ffi).
-export([receive_subject/2, receive_subject_forever/1, new_selector/0,
         insert_handler/3, selector_receive/2, selector_receive_forever/1,
         map_selector/2, merge_selector/2, remove_handler/2, sleep/1,
         sleep_forever/0, spawn_link/1, monitor/1, demonitor/1, kill/1,
         send_exit/1, send_abnormal_exit/2, link/1, unlink/1, is_alive/1,
         flush_messages/0, identity/1, exit_reason/1, trap_exits/1,
         register_name/2, unregister_name/1, named/1, new_name/1, send/2,
         to_exit_message/1, to_down/1, send_after/3, cancel_timer/1,
         atom_from_string/1, connect_node/1]).

identity(X) -> X.

send(Pid, Msg) -> erlang:send(Pid, Msg), nil.

receive_subject({subject, _Owner, Tag}, Timeout) ->
    receive {Tag, Msg} -> {ok, Msg} after Timeout -> {error, nil} end;
receive_subject({named_subject, Name}, Timeout) ->
    receive {Name, Msg} -> {ok, Msg} after Timeout -> {error, nil} end.

receive_subject_forever(S) ->
    {ok, Msg} = receive_subject(S, infinity),
    Msg.

new_selector() -> {selector, #{}}.

insert_handler({selector, H}, Key, Fun) -> {selector, maps:put(Key, Fun, H)}.
remove_handler({selector, H}, Key) -> {selector, maps:remove(Key, H)}.

map_selector({selector, H}, F) ->
    {selector, maps:map(fun(_K, G) -> fun(M) -> F(G(M)) end end, H)}.

merge_selector({selector, A}, {selector, B}) -> {selector, maps:merge(A, B)}.

selector_receive({selector, H}, Timeout) ->
    receive
        {Tag, Msg} when is_map_key(Tag, H) ->
            Handler = maps:get(Tag, H),
            {ok, Handler(Msg)};
        {'DOWN', Ref, process, Pid, Reason} when is_map_key({down, Ref}, H) ->
            Handler = maps:get({down, Ref}, H),
            {ok, Handler({process_down, Ref, Pid, exit_reason(Reason)})};
        Record when tuple_size(Record) >= 1,
                    is_map_key({record_key, element(1, Record), tuple_size(Record)}, H) ->
            Handler = maps:get({record_key, element(1, Record), tuple_size(Record)}, H),
            {ok, Handler(Record)};
        Other when is_map_key(anything, H) ->
            Handler = maps:get(anything, H),
            {ok, Handler(Other)}
    after Timeout -> {error, nil}
    end.

selector_receive_forever(S) ->
    {ok, Msg} = selector_receive(S, infinity),
    Msg.

exit_reason(normal) -> normal;
exit_reason(killed) -> killed;
exit_reason(R) -> {abnormal, R}.

sleep(Ms) -> receive after Ms -> nil end.
sleep_forever() -> receive after infinity -> nil end.
spawn_link(F) -> erlang:spawn_link(F).
monitor(Pid) -> erlang:monitor(process, Pid).
demonitor(Ref) -> erlang:demonitor(Ref, [flush]), nil.
kill(Pid) -> erlang:exit(Pid, kill), nil.
send_exit(Pid) -> erlang:exit(Pid, normal), nil.
send_abnormal_exit(Pid, Reason) -> erlang:exit(Pid, Reason), nil.
link(Pid) ->
    try erlang:link(Pid)
    catch error:_ -> false
    end.
to_exit_message({'EXIT', Pid, Reason}) -> {exit_message, Pid, exit_reason(Reason)}.
to_down({'DOWN', Ref, process, Pid, Reason}) -> {process_down, Ref, Pid, exit_reason(Reason)}.
send_after({subject, Owner, Tag}, Delay, Msg) -> erlang:send_after(Delay, Owner, {Tag, Msg});
send_after({named_subject, Name}, Delay, Msg) -> erlang:send_after(Delay, Name, {Name, Msg}).
cancel_timer(Timer) ->
    case erlang:cancel_timer(Timer) of
        false -> timer_not_found;
        Left -> {cancelled, Left}
    end.
atom_from_string(S) ->
    try {ok, binary_to_existing_atom(S, utf8)}
    catch error:badarg -> {error, nil}
    end.
connect_node(Node) ->
    case net_kernel:connect_node(Node) of
        true -> {ok, Node};
        false -> {error, failed_to_connect};
        ignored -> {error, local_node_is_not_alive}
    end.
unlink(Pid) -> erlang:unlink(Pid), nil.
is_alive(Pid) -> erlang:is_process_alive(Pid).
trap_exits(B) -> erlang:process_flag(trap_exit, B), nil.
flush_messages() -> receive _ -> flush_messages() after 0 -> nil end.

new_name(Prefix) ->
    N = erlang:unique_integer([positive]),
    binary_to_atom(iolist_to_binary([Prefix, $$, integer_to_binary(N)]), utf8).
register_name(Pid, Name) ->
    case catch erlang:register(Name, Pid) of
        true -> {ok, nil};
        _ -> {error, nil}
    end.
unregister_name(Name) ->
    case catch erlang:unregister(Name) of
        true -> {ok, nil};
        _ -> {error, nil}
    end.
named(Name) ->
    case erlang:whereis(Name) of
        undefined -> {error, nil};
        Pid -> {ok, Pid}
    end.
