%% sys: system messages, the side door into a behaviour's process.
%%
%% A system message is {system, From, Request}; the receiving process
%% (a gen_server, a supervisor, or a special process of the user's) calls
%% handle_system_msg/6, which answers and then calls back
%% Mod:system_continue/3 or Mod:system_terminate/4, as OTP's sys does.
%% Not supported yet: debug options (trace, log, statistics).
-module(sys).
-export([get_state/1, get_state/2, replace_state/2, replace_state/3,
         terminate/2, terminate/3, suspend/1, suspend/2, resume/1, resume/2,
         handle_system_msg/6]).

get_state(Name) -> get_state(Name, 5000).
get_state(Name, Timeout) -> send_system_msg(Name, get_state, Timeout).

replace_state(Name, Fun) -> replace_state(Name, Fun, 5000).
replace_state(Name, Fun, Timeout) ->
    send_system_msg(Name, {replace_state, Fun}, Timeout).

suspend(Name) -> suspend(Name, 5000).
suspend(Name, Timeout) -> send_system_msg(Name, suspend, Timeout).
resume(Name) -> resume(Name, 5000).
resume(Name, Timeout) -> send_system_msg(Name, resume, Timeout).

%% Ends the process with Reason: ok once it has ended with exactly that
%% reason, otherwise an exit with the reason it ended with.
terminate(Name, Reason) -> terminate(Name, Reason, infinity).
terminate(Name, Reason, Timeout) ->
    Pid = whereis_process(Name),
    Mref = erlang:monitor(process, Pid),
    Pid ! {system, {self(), Mref}, {terminate, Reason}},
    receive
        {'DOWN', Mref, _, _, Reason} -> ok;
        {'DOWN', Mref, _, _, Other} -> exit(Other)
    after Timeout ->
        erlang:demonitor(Mref, [flush]),
        exit(timeout)
    end.

send_system_msg(Name, Request, Timeout) ->
    Pid = whereis_process(Name),
    Mref = erlang:monitor(process, Pid),
    Pid ! {system, {self(), Mref}, Request},
    receive
        {Mref, Reply} ->
            erlang:demonitor(Mref, [flush]),
            Reply;
        {'DOWN', Mref, _, _, Reason} ->
            exit({Reason, {sys, get_state, [Name, Timeout]}})
    after Timeout ->
        erlang:demonitor(Mref, [flush]),
        exit({timeout, {sys, get_state, [Name, Timeout]}})
    end.

whereis_process(Pid) when is_pid(Pid) -> Pid;
whereis_process(Name) when is_atom(Name) ->
    case whereis(Name) of
        undefined -> exit(noproc);
        Pid -> Pid
    end;
whereis_process(Other) -> exit({badarg, Other}).

handle_system_msg(get_state, From, Parent, Mod, Debug, Misc) ->
    {ok, State} = Mod:system_get_state(Misc),
    reply(From, State),
    Mod:system_continue(Parent, Debug, Misc);
handle_system_msg({replace_state, Fun}, From, Parent, Mod, Debug, Misc) ->
    {ok, State, NMisc} = Mod:system_replace_state(Fun, Misc),
    reply(From, State),
    Mod:system_continue(Parent, Debug, NMisc);
handle_system_msg({terminate, Reason}, _From, Parent, Mod, Debug, Misc) ->
    Mod:system_terminate(Reason, Parent, Debug, Misc);
handle_system_msg(suspend, From, Parent, Mod, Debug, Misc) ->
    reply(From, ok),
    suspended(Parent, Mod, Debug, Misc);
handle_system_msg(resume, From, Parent, Mod, Debug, Misc) ->
    reply(From, ok),
    Mod:system_continue(Parent, Debug, Misc);
handle_system_msg(Other, From, Parent, Mod, Debug, Misc) ->
    reply(From, {error, {unknown_system_msg, Other}}),
    Mod:system_continue(Parent, Debug, Misc).

%% A suspended process answers only system messages until resumed; other
%% messages wait in its mailbox.
suspended(Parent, Mod, Debug, Misc) ->
    receive
        {system, From, resume} ->
            reply(From, ok),
            Mod:system_continue(Parent, Debug, Misc);
        {system, From, {terminate, Reason}} ->
            handle_system_msg({terminate, Reason}, From, Parent, Mod, Debug, Misc);
        {system, From, Other} ->
            reply(From, {error, {suspended, Other}}),
            suspended(Parent, Mod, Debug, Misc)
    end.

reply({Pid, Tag}, Reply) -> Pid ! {Tag, Reply}.
