%% EUnit for Eubeamgua: the test representations of OTP's EUnit 2.8.1
%% (test functions, generators, {Desc, T}, lists, setup, foreach,
%% foreachx, timeout, inorder, inparallel, spawn, with) run and reported
%% as `eunit:test/1,2` prints them with its default tty listener.
%%
%% Written for this project; what it prints follows EUnit's output. As in
%% OTP, the whole run and each (spawned) setup fixture run in a process of
%% their own, the tests of a group one after another in that process, each
%% with its output captured through its group leader; a test past its
%% timeout kills that process and cancels the rest of it. How it differs
%% from OTP's (docs/erlang.md):
%% - `inparallel` groups run their tests one after another;
%% - a test that times out is reported without the stack of the killed
%%   process;
%% - stack traces show the test's own frames, then the frames OTP's EUnit
%%   has below a test (eunit_test:run_testfun/1, eunit_proc:...), so that
%%   failure reports read as OTP's do.
-module(eunit).

-export([test/1, test/2, '$eubeam_run'/2]).

-record(test, {f, desc, timeout, location, line = 0, mf = false}).
-record(group, {desc, order, timeout, context, spawn, tests}).
-record(context, {setup, cleanup, process = local}).
%% `open`: the groups entered in the current process and not finished (a
%% process that dies cancels them, which moves the indentation back).
-record(st, {verbose = false, indent = 0, depth = 20,
             pass = 0, fail = 0, skip = 0, cancel = 0, filter, open = 0}).

-define(DEFAULT_TEST_TIMEOUT, 5000).

test(Tests) ->
    test(Tests, []).

test(Tests, Options) ->
    {Result, _Counts} = run(Tests, Options),
    Result.

%% The entry of `eubeam test`'s Erlang driver: runs `Tests` as `test/2`
%% does and returns `{Passed, Failed, Skipped}`, cancelled tests counted
%% as failed. `{filter, Bin}` in `Options` keeps only the test and
%% generator functions whose name contains Bin.
'$eubeam_run'(Tests, Options) ->
    {_Result, {P, F, S, C}} = run(Tests, Options),
    {P, F + C, S}.

%% Runs the tests in a process of their own, as OTP's EUnit does, so that a
%% test's links and exits do not reach the caller.
run(Tests, Options) ->
    Verbose = proplists:get_bool(verbose, Options),
    Filter = proplists:get_value(filter, Options),
    Depth = proplists:get_value(print_depth, Options, 20),
    St0 = #st{verbose = Verbose, depth = Depth, filter = Filter},
    %% EUnit prints to the caller's output; what setups, cleanups and tests
    %% print is captured, as in OTP.
    Out = group_leader(),
    Caller = self(),
    Sink = spawn(fun () -> sink(Caller) end),
    Outer = put('$eunit_out', Out),
    if Verbose -> fwrite("======================== EUnit ========================\n");
       true -> ok
    end,
    St1 = in_process(undefined, fun (St) -> run_items(Tests, St) end, St0, Sink),
    Sink ! stop,
    Result = summary(St1),
    %% eunit:test/2 called from a test keeps the outer run's output.
    case Outer of
        undefined -> erase('$eunit_out');
        _ -> put('$eunit_out', Outer)
    end,
    {Result, {St1#st.pass, St1#st.fail, St1#st.skip, St1#st.cancel}}.

%% The group leader of the processes that run tests: output that is not a
%% test's own (setups, cleanups) is dropped, as OTP's EUnit drops it.
sink(Caller) ->
    Ref = erlang:monitor(process, Caller),
    sink_loop(Ref).

sink_loop(Ref) ->
    receive
        {io_request, From, ReplyAs, Req} ->
            {Reply, _} = io_request(Req, []),
            From ! {io_reply, ReplyAs, Reply},
            sink_loop(Ref);
        {'DOWN', Ref, _, _, _} -> ok;
        stop -> ok;
        _ -> sink_loop(Ref)
    end.

%% Runs `F(St)` in a process of its own, as OTP's EUnit runs the whole run
%% and each setup fixture: the tests within run one after another in that
%% process. A test past its timeout kills it (the rest of it does not run
%% and the group is reported as cancelled), as does a failing generator or
%% the death of a linked process.
in_process(Desc, F, St, Leader) ->
    Parent = self(),
    Out = get('$eunit_out'),
    {Pid, Ref} = spawn_monitor(fun () ->
                                       group_leader(Leader, self()),
                                       put('$eunit_out', Out),
                                       put('$eunit_parent', Parent),
                                       St1 = try
                                                 F(St#st{open = 0})
                                             catch
                                                 throw:{'$eunit_abort', Reason, StA} ->
                                                     group_cancel(Desc, {abort, Reason},
                                                                  close_open(StA))
                                             end,
                                       Parent ! {'$eunit_done', self(), St1}
                               end),
    St2 = wait_child(Pid, Ref, Desc, St#st{open = 0}, none),
    St2#st{open = St#st.open}.

%% OTP's tty listener moves the indentation back once for each group that
%% a dying process leaves unfinished.
close_open(#st{indent = I, open = N} = St) ->
    St#st{indent = I - N, open = 0}.

%% Waits for a group's process, keeping the state it last reported (and
%% the test it was running) to report a timeout or its death.
wait_child(Pid, Ref, Desc, St, Test) ->
    receive
        {'$eunit_state', Pid, St1, Test1} ->
            wait_child(Pid, Ref, Desc, St1, Test1);
        {'$eunit_done', Pid, St1} ->
            erlang:demonitor(Ref, [flush]),
            St1;
        {'DOWN', Ref, process, Pid, Reason} ->
            receive
                {'$eunit_timeout', Pid} -> child_timed_out(Desc, St, Test)
            after 0 ->
                    %% The test that was running is skipped.
                    St1 = case Test of
                              #test{} ->
                                  if St#st.verbose -> ok;
                                     true -> print_test_begin(St#st.indent, Test)
                                  end,
                                  fwrite("*skipped*\n"),
                                  St;
                              none ->
                                  St
                          end,
                    group_cancel(Desc, {exit, Reason}, close_open(St1))
            end
    end.

child_timed_out(Desc, #st{verbose = Verbose} = St, Test) ->
    case Test of
        #test{} when not Verbose -> print_test_begin(St#st.indent, Test);
        _ -> ok
    end,
    fwrite("*timed out*\n"),
    St1 = close_open(St#st{cancel = St#st.cancel + 1}),
    %% The group whose process was killed is cancelled "because of" the
    %% test: OTP's listener prints its description, nothing else.
    group_cancel(Desc, blame, St1).

%% A cancelled group, printed as OTP's tty listener does (its indentation
%% quirks included).
group_cancel(Desc, Reason, #st{verbose = Verbose, indent = I} = St) ->
    if Desc =/= "", Desc =/= undefined, Verbose -> ok;
       true ->
            indent(I),
            fwrite("~ts\n", [desc_text(Desc)])
    end,
    case Reason of
        blame ->
            St#st{indent = I - 1};
        _ ->
            indent(I),
            fwrite("~ts", [format_cancel(Reason, St#st.depth)]),
            St#st{indent = I - 1, cancel = St#st.cancel + 1}
    end.

summary(#st{pass = Pass, fail = Fail, skip = Skip, cancel = Cancel} = St) ->
    if Fail =:= 0, Skip =:= 0, Cancel =:= 0 ->
            if Pass =:= 0 ->
                    fwrite("  There were no tests to run.\n");
               true ->
                    if St#st.verbose -> print_bar();
                       true -> ok
                    end,
                    if Pass =:= 1 -> fwrite("  Test passed.\n");
                       Pass =:= 2 -> fwrite("  2 tests passed.\n");
                       true -> fwrite("  All ~w tests passed.\n", [Pass])
                    end
            end,
            ok;
       true ->
            print_bar(),
            fwrite("  Failed: ~w.  Skipped: ~w.  Passed: ~w.\n", [Fail, Skip, Pass]),
            if Cancel =/= 0 -> fwrite("One or more tests were cancelled.\n");
               true -> ok
            end,
            error
    end.

print_bar() ->
    fwrite("=======================================================\n").

%% ---------------------------------------------------------------------
%% Running groups and tests

%% Runs every item of a (deep) test list; a bad test representation or a
%% failing generator cancels the rest of the list, as in OTP.
run_items(Tests, St) ->
    case next(Tests, St) of
        none ->
            St;
        {abort, Reason, St1} ->
            %% OTP's EUnit ends the process running the group: the rest of
            %% it (up to a setup or the whole run) does not run.
            throw({'$eunit_abort', Reason, St1});
        {#test{} = T, Rest} ->
            run_items(Rest, handle_test(T, St));
        {#group{} = G, Rest} ->
            run_items(Rest, handle_group(G, St))
    end.

handle_group(#group{} = G, St) ->
    St1 = handle_group1(G, St#st{open = St#st.open + 1}),
    St1#st{open = St1#st.open - 1}.

handle_group1(#group{desc = Desc, context = Context, tests = Tests, timeout = Timeout} = G,
              St0) ->
    T0 = erlang:monotonic_time(millisecond),
    St1 = group_begin(Desc, St0),
    Items = case Timeout of
                undefined -> Tests;
                _ -> {'$timeout', Timeout, Tests}
            end,
    case {Context, G#group.spawn} of
        {undefined, undefined} ->
            St2 = run_items(Items, St1),
            group_end(Desc, T0, St2);
        {undefined, _} ->
            %% {spawn, Tests}: in a process of its own.
            in_process(Desc, fun (St) -> group_end(Desc, T0, run_items(Items, St)) end,
                       St1, group_leader());
        {#context{}, _} ->
            run_context(G, Context, T0, St1)
    end.

%% A setup fixture: setup, the instantiated tests, cleanup, as in a process
%% of its own.
run_context(#group{desc = Desc} = G, #context{process = local} = C, T0, St) ->
    run_context1(G, C, T0, St);
run_context(#group{desc = Desc} = G, C, T0, St) ->
    in_process(Desc, fun (St1) -> run_context1(G, C, T0, St1) end, St, group_leader()).

run_context1(#group{desc = Desc, tests = Instantiate, timeout = Timeout}, C, T0, St) ->
    #context{setup = Setup, cleanup = Cleanup} = C,
    case run_fun(Setup, []) of
        {error, Exception} ->
            cancel_group(Desc, {abort, {setup_failed, Exception}}, St);
        {ok, R} ->
            case run_fun(Instantiate, [R]) of
                {error, Exception} ->
                    run_fun(Cleanup, [R]),
                    cancel_group(Desc, {abort, {instantiation_failed, Exception}}, St);
                {ok, Tests} ->
                    Items = case Timeout of
                                undefined -> Tests;
                                _ -> {'$timeout', Timeout, Tests}
                            end,
                    St1 = run_items(Items, St),
                    case run_fun(Cleanup, [R]) of
                        {ok, _} ->
                            group_end(Desc, T0, St1);
                        {error, Exception} ->
                            cancel_group(Desc, {abort, {cleanup_failed, Exception}}, St1)
                    end
            end
    end.

run_fun(F, Args) ->
    try apply(F, Args) of
        V -> {ok, V}
    catch
        Class:Reason:Trace -> {error, {Class, Reason, user_frames(Trace)}}
    end.

group_begin(Desc, #st{verbose = true, indent = I} = St) when Desc =/= "",
                                                               Desc =/= undefined ->
    indent(I),
    fwrite("~ts\n", [Desc]),
    St#st{indent = I + 1};
group_begin(_Desc, St) ->
    St.

group_end(Desc, T0, #st{verbose = true, indent = I} = St) when Desc =/= "",
                                                                 Desc =/= undefined ->
    Time = erlang:monotonic_time(millisecond) - T0,
    if Time > 0 ->
            indent(I),
            fwrite("[done in ~.3f s]\n", [Time / 1000]);
       true -> ok
    end,
    St#st{indent = I - 1};
group_end(_Desc, _T0, St) ->
    St.

%% A group that cannot run (its setup failed, a generator failed, ...):
%% printed as OTP's tty listener prints a cancelled group, its indentation
%% included.
cancel_group(Desc, Reason, #st{verbose = Verbose, indent = I} = St) ->
    if Desc =/= "", Desc =/= undefined, Verbose ->
            ok;
       true ->
            indent(I),
            fwrite("~ts\n", [desc_text(Desc)])
    end,
    indent(I),
    fwrite("~ts", [format_cancel(Reason, St#st.depth)]),
    St#st{indent = I - 1, cancel = St#st.cancel + 1}.

desc_text(undefined) -> "undefined";
desc_text(D) -> D.

handle_test(#test{} = T, St) ->
    St1 = run_and_report(T, St),
    report_state(St1, none),
    St1.

run_and_report(#test{} = T, #st{verbose = Verbose} = St) ->
    if Verbose -> print_test_begin(St#st.indent, T);
       true -> ok
    end,
    Timeout = case T#test.timeout of
                  undefined -> ?DEFAULT_TEST_TIMEOUT;
                  Ms -> Ms
              end,
    report_state(St, T),
    T0 = erlang:monotonic_time(millisecond),
    Status = run_test(T, Timeout),
    Time = erlang:monotonic_time(millisecond) - T0,
    case Status of
        {ok, Output} ->
            if Verbose ->
                    if Time > 0 -> fwrite("[~.3f s] ok\n", [Time / 1000]);
                       true -> fwrite("ok\n")
                    end;
               true -> ok
            end,
            _ = Output,
            St#st{pass = St#st.pass + 1};
        {error, Exception, Output} ->
            if Verbose -> ok;
               true -> print_test_begin(St#st.indent, T)
            end,
            fwrite("*failed*\n~ts", [format_exception(Exception, St#st.depth)]),
            fwrite("  output:<<\"~ts\">>\n\n", [Output]),
            St#st{fail = St#st.fail + 1};
        {skipped, Reason} ->
            if Verbose -> ok;
               true -> print_test_begin(St#st.indent, T)
            end,
            fwrite("*did not run*\n::~ts\n", [format_skipped(Reason)]),
            St#st{skip = St#st.skip + 1}
    end.

%% Tells the process waiting for this group's process how far it got, for
%% when a timeout or a linked process kills this one.
report_state(St, Test) ->
    case get('$eunit_parent') of
        undefined -> ok;
        Parent -> Parent ! {'$eunit_state', self(), St, Test}
    end.

%% Runs one test in the group's process, as OTP's EUnit does, with its
%% output captured; a watchdog kills this process after `Timeout`
%% milliseconds (the parent reports the timeout).
run_test(#test{f = F, mf = Mf}, Timeout) ->
    Me = self(),
    Parent = get('$eunit_parent'),
    Watchdog = spawn(fun () ->
                             receive
                                 cancel -> ok
                             after Timeout ->
                                     Parent ! {'$eunit_timeout', Me},
                                     exit(Me, kill)
                             end
                     end),
    Capture = spawn_link(fun () -> capture_loop([]) end),
    Leader = group_leader(),
    group_leader(Capture, self()),
    Result = run_testfun(F, Mf),
    group_leader(Leader, self()),
    Watchdog ! cancel,
    Output = output(Capture),
    unlink(Capture),
    Capture ! stop,
    case Result of
        ok -> {ok, Output};
        {error, Exception} -> {error, Exception, Output};
        {skipped, Reason} -> {skipped, Reason}
    end.

%% What a test printed.
output(Capture) ->
    Ref = make_ref(),
    Capture ! {get_output, self(), Ref},
    receive
        {Ref, Output} -> Output
    end.

%% A group leader that keeps what is written to it (OTP's EUnit's
%% group_leader_process): output requests succeed, input reads eof.
capture_loop(Buf) ->
    receive
        {io_request, From, ReplyAs, Req} ->
            {Reply, Buf1} = io_request(Req, Buf),
            From ! {io_reply, ReplyAs, Reply},
            capture_loop(Buf1);
        {get_output, From, Ref} ->
            From ! {Ref, lists:reverse(Buf)},
            capture_loop(Buf);
        stop ->
            ok;
        _ ->
            capture_loop(Buf)
    end.

io_request({put_chars, Chars}, Buf) ->
    {ok, [Chars | Buf]};
io_request({put_chars, _Enc, Chars}, Buf) ->
    {ok, [Chars | Buf]};
io_request({put_chars, M, F, As}, Buf) ->
    try apply(M, F, As) of
        Chars -> {ok, [Chars | Buf]}
    catch
        C:T:S -> {{error, {C, T, S}}, Buf}
    end;
io_request({put_chars, _Enc, M, F, As}, Buf) ->
    io_request({put_chars, M, F, As}, Buf);
io_request({get_chars, _Enc, _Prompt, _N}, Buf) -> {eof, Buf};
io_request({get_chars, _Prompt, _N}, Buf) -> {eof, Buf};
io_request({get_line, _Prompt}, Buf) -> {eof, Buf};
io_request({get_line, _Enc, _Prompt}, Buf) -> {eof, Buf};
io_request({get_until, _Prompt, _M, _F, _As}, Buf) -> {eof, Buf};
io_request({get_until, _Enc, _Prompt, _M, _F, _As}, Buf) -> {eof, Buf};
io_request({setopts, _Opts}, Buf) -> {ok, Buf};
io_request(getopts, Buf) -> {{error, enotsup}, Buf};
io_request({get_geometry, _}, Buf) -> {{error, enotsup}, Buf};
io_request({requests, Reqs}, Buf) -> io_requests(Reqs, {ok, Buf});
io_request(_, Buf) -> {{error, request}, Buf}.

io_requests([R | Rs], {ok, Buf}) -> io_requests(Rs, io_request(R, Buf));
io_requests(_, Result) -> Result.

run_testfun(F, Mf) ->
    try F() of
        _ -> ok
    catch
        Class:Reason:Trace ->
            case {Class, Reason, Trace, Mf} of
                {error, undef, [{M, N, [], _} | _], {M, N}} ->
                    {skipped, {no_such_function, {M, N, 0}}};
                _ ->
                    {error, {Class, otp_reason(Reason, Mf), otp_trace(Trace, Mf)}}
            end
    end.

%% The stack trace an exception assertion keeps of the unexpected
%% exception shows OTP's EUnit frames too.
otp_reason({Tag, Info}, Mf) when Tag =:= assertException; Tag =:= assertNotException ->
    case lists:keyfind(unexpected_exception, 1, Info) of
        {unexpected_exception, {C, T, S}} when is_list(S) ->
            {Tag, lists:keyreplace(unexpected_exception, 1, Info,
                                   {unexpected_exception, {C, T, otp_trace(S, Mf)}})};
        _ ->
            {Tag, Info}
    end;
otp_reason(Reason, _Mf) ->
    Reason.

%% The frames of a test's stack trace above this module's, followed by the
%% frames OTP's EUnit has below a test function, cut at the 8 frames an
%% OTP stack trace holds.
otp_trace(Trace, Mf) ->
    Loc = fun (File, Line) -> [{file, File}, {line, Line}] end,
    Wrapper = case Mf of
                  false -> [];
                  _ -> [{eunit_test, '-mf_wrapper/2-fun-0-', 2, Loc("eunit_test.erl", 273)}]
              end,
    Below = Wrapper ++
        [{eunit_test, run_testfun, 1, Loc("eunit_test.erl", 71)},
         {eunit_proc, run_test, 1, Loc("eunit_proc.erl", 531)},
         {eunit_proc, with_timeout, 3, Loc("eunit_proc.erl", 356)},
         {eunit_proc, handle_test, 2, Loc("eunit_proc.erl", 514)},
         {eunit_proc, tests_inorder, 3, Loc("eunit_proc.erl", 456)},
         {eunit_proc, with_timeout, 3, Loc("eunit_proc.erl", 346)},
         {eunit_proc, run_group, 2, Loc("eunit_proc.erl", 570)}],
    lists:sublist(user_frames(Trace) ++ Below, 8).

%% The stack trace of a failing generator, with the frames OTP's EUnit has
%% below one (eunit_data walking the tests).
generator_trace(Trace, F) ->
    Loc = fun (File, Line) -> [{file, File}, {line, Line}] end,
    Wrapper = case erlang:fun_info(F, name) of
                  {name, '-mf_wrapper/2-fun-0-'} ->
                      [{eunit_test, '-mf_wrapper/2-fun-0-', 2, Loc("eunit_test.erl", 273)}];
                  _ ->
                      []
              end,
    Below = Wrapper ++
        [{eunit_test, run_testfun, 1, Loc("eunit_test.erl", 71)},
         {eunit_data, parse, 2, Loc("eunit_data.erl", 241)},
         {eunit_data, next, 2, Loc("eunit_data.erl", 174)},
         {eunit_data, iter_next, 1, Loc("eunit_data.erl", 134)},
         {eunit_proc, get_next_item, 1, Loc("eunit_proc.erl", 490)},
         {eunit_proc, tests_inorder, 3, Loc("eunit_proc.erl", 454)},
         {eunit_proc, with_timeout, 3, Loc("eunit_proc.erl", 346)}],
    lists:sublist(user_frames(Trace) ++ Below, 8).

%% `{test, M, F}` and `{generator, M, F}` call M:F() through this fun (its
%% name tells generator_trace/2 to show OTP's wrapper frame).
mf_wrapper(M, F) ->
    fun () -> M:F() end.

user_frames([{?MODULE, _, _, _} | _]) -> [];
user_frames([{?MODULE, _, _} | _]) -> [];
user_frames([F | Fs]) -> [F | user_frames(Fs)];
user_frames([]) -> [].

%% ---------------------------------------------------------------------
%% Walking a test representation (OTP's eunit_data)

%% The next test or group of a deep list of test representations, with
%% what is left: `{Item, Rest}`, `none`, or `{abort, Reason, St}` when the
%% representation is bad or a generator fails.
next(Tests, St) ->
    case dlist_next(Tests) of
        [T | Ts] ->
            try parse(T, St) of
                {data, T1} -> next([T1 | Ts], St);
                T1 -> {T1, Ts}
            catch
                throw:{eunit_bad, Reason} -> {abort, Reason, St}
            end;
        [] ->
            none
    end.

%% Deep lists of tests; a non-empty string is one item (a file or folder
%% name in OTP, not supported here).
dlist_next([X | Xs] = Xs0) when is_list(X) ->
    case is_nonempty_string(X) of
        true -> Xs0;
        false -> dlist_next(X, Xs)
    end;
dlist_next([_ | _] = Xs) ->
    case is_nonempty_string(Xs) of
        true -> [Xs];
        false -> Xs
    end;
dlist_next([]) ->
    [];
dlist_next(X) ->
    [X].

dlist_next([X], Ys) when is_list(X) ->
    case is_nonempty_string(X) of
        true -> [X | Ys];
        false -> dlist_next(X, Ys)
    end;
dlist_next([X], Ys) ->
    [X | Ys];
dlist_next([X | Xs], Ys) when is_list(X) ->
    case is_nonempty_string(X) of
        true -> [X | [Xs | Ys]];
        false -> dlist_next(X, [Xs | Ys])
    end;
dlist_next([X | Xs], Ys) ->
    [X | [Xs | Ys]];
dlist_next([], Xs) ->
    dlist_next(Xs).

is_nonempty_string([]) -> false;
is_nonempty_string(S) -> is_string(S).

is_string([C | Cs]) when is_integer(C), C >= 0, C =< 16#10ffff -> is_string(Cs);
is_string([_ | _]) -> false;
is_string([]) -> true;
is_string(_) -> false.

bad(Reason) ->
    throw({eunit_bad, Reason}).

bad_test(T) ->
    bad({bad_test, T}).

parse(#test{} = T, _St) ->
    T;
parse(#group{} = G, _St) ->
    G;
parse({'$timeout', Ms, T}, St) ->
    %% A group's timeout, given to each test within that has none.
    case next(T, St) of
        none -> {data, []};
        {abort, Reason, _} -> bad(Reason);
        {#test{timeout = undefined} = Test, Rest} ->
            {data, [Test#test{timeout = Ms}, {'$timeout', Ms, Rest}]};
        {Item, Rest} ->
            {data, [Item, {'$timeout', Ms, Rest}]}
    end;
parse({foreach, S, Fs}, St) when is_function(S), is_list(Fs) ->
    parse({foreach, S, fun ok/1, Fs}, St);
parse({foreach, S, C, Fs}, St) when is_function(S), is_function(C), is_list(Fs) ->
    parse({foreach, local, S, C, Fs}, St);
parse({foreach, P, S, Fs}, St) when is_function(S), is_list(Fs) ->
    parse({foreach, P, S, fun ok/1, Fs}, St);
parse({foreach, P, S, C, Fs} = T, _St) when is_function(S), is_function(C), is_list(Fs) ->
    check_arity(S, 0, T),
    check_arity(C, 1, T),
    case Fs of
        [F | Fs1] -> {data, [{setup, P, S, C, F}, {foreach, P, S, C, Fs1}]};
        [] -> {data, []}
    end;
parse({foreachx, S1, Ps}, St) when is_function(S1), is_list(Ps) ->
    parse({foreachx, S1, fun ok/2, Ps}, St);
parse({foreachx, S1, C1, Ps}, St) when is_function(S1), is_function(C1), is_list(Ps) ->
    parse({foreachx, local, S1, C1, Ps}, St);
parse({foreachx, P, S1, Ps}, St) when is_function(S1), is_list(Ps) ->
    parse({foreachx, P, S1, fun ok/2, Ps}, St);
parse({foreachx, P, S1, C1, Ps} = T, _St)
  when is_function(S1), is_function(C1), is_list(Ps) ->
    check_arity(S1, 1, T),
    check_arity(C1, 2, T),
    case Ps of
        [{X, F1} | Ps1] when is_function(F1) ->
            check_arity(F1, 2, T),
            S = fun () -> S1(X) end,
            C = fun (R) -> C1(X, R) end,
            F = fun (R) -> F1(X, R) end,
            {data, [{setup, P, S, C, F}, {foreachx, P, S1, C1, Ps1}]};
        [_ | _] -> bad_test(T);
        [] -> {data, []}
    end;
parse({generator, F}, St) when is_function(F) ->
    {module, M} = erlang:fun_info(F, module),
    {name, N} = erlang:fun_info(F, name),
    {arity, A} = erlang:fun_info(F, arity),
    parse({generator, F, {M, N, A}}, St);
parse({generator, F, {M, N, A}} = T, _St)
  when is_function(F), is_atom(M), is_atom(N), is_integer(A) ->
    check_arity(F, 0, T),
    try F() of
        T1 ->
            case is_not_test(T1) of
                true -> bad({bad_generator, {{M, N, A}, T1}});
                false -> {data, T1}
            end
    catch
        Class:Reason:Trace ->
            case {Class, Reason, Trace} of
                {error, undef, [{M, N, [], _} | _]} when A =:= 0 ->
                    bad({no_such_function, {M, N, A}});
                _ ->
                    bad({generator_failed,
                         {{M, N, A}, {Class, Reason, generator_trace(Trace, F)}}})
            end
    end;
parse({generator, M, F}, St) when is_atom(M), is_atom(F) ->
    parse({generator, mf_wrapper(M, F), {M, F, 0}}, St);
parse({inorder, T}, St) ->
    group(#group{tests = T, order = inorder}, St);
parse({inparallel, T}, St) ->
    parse({inparallel, 0, T}, St);
parse({inparallel, N, T}, St) when is_integer(N), N >= 0 ->
    group(#group{tests = T, order = {inparallel, N}}, St);
parse({timeout, N, T}, St) when is_number(N), N >= 0 ->
    group(#group{tests = T, timeout = round(N * 1000)}, St);
parse({spawn, T}, St) ->
    group(#group{tests = T, spawn = local}, St);
parse({spawn, N, T}, St) when is_atom(N) ->
    group(#group{tests = T, spawn = {remote, N}}, St);
parse({setup, S, I}, St) when is_function(S); is_list(S) ->
    parse({setup, spawn, S, I}, St);
parse({setup, S, C, I}, St) when is_function(S), is_function(C) ->
    parse({setup, spawn, S, C, I}, St);
parse({setup, P, S, I}, St) when is_function(S) ->
    parse({setup, P, S, fun ok/1, I}, St);
parse({setup, P, L, I} = T, St) when is_list(L) ->
    check_setup_list(L, T),
    {S, C} = multi_setup(L),
    parse({setup, P, S, C, I}, St);
parse({setup, P, S, C, I} = T, St)
  when is_function(S), is_function(C), is_function(I) ->
    check_arity(S, 0, T),
    check_arity(C, 1, T),
    case erlang:fun_info(I, arity) of
        {arity, 0} ->
            parse({setup, S, C, fun (_) -> I end}, St);
        _ ->
            check_arity(I, 1, T),
            case P of
                local -> ok;
                spawn -> ok;
                {spawn, N} when is_atom(N) -> ok;
                _ -> bad_test(T)
            end,
            group(#group{tests = I, context = #context{setup = S, cleanup = C, process = P}},
                  St)
    end;
parse({setup, P, S, C, {with, As}}, St) when is_list(As) ->
    parse({setup, P, S, C, fun (X) -> {with, X, As} end}, St);
parse({setup, P, S, C, T}, St) when is_function(S), is_function(C) ->
    parse({setup, P, S, C, fun (_) -> T end}, St);
parse({module, M}, St) when is_atom(M) ->
    {data, {"module '" ++ atom_to_list(M) ++ "'", module_tests(M, St)}};
parse({with, X, As} = T, _St) when is_list(As) ->
    case As of
        [A | As1] ->
            check_arity(A, 1, T),
            {data, [{fun_info_mfa(A), fun () -> A(X) end}, {with, X, As1}]};
        [] ->
            {data, []}
    end;
parse({S, T1} = T, St) when is_list(S) ->
    case is_string(S) of
        true -> group(#group{tests = T1, desc = unicode:characters_to_binary(S)}, St);
        false -> bad_test(T)
    end;
parse({S, T1}, St) when is_binary(S) ->
    group(#group{tests = T1, desc = S}, St);
parse(T, St) when is_tuple(T), tuple_size(T) > 2, is_list(element(1, T)) ->
    [S | Es] = tuple_to_list(T),
    parse({S, list_to_tuple(Es)}, St);
parse(T, St) when is_tuple(T), tuple_size(T) > 2, is_binary(element(1, T)) ->
    [S | Es] = tuple_to_list(T),
    parse({S, list_to_tuple(Es)}, St);
parse(M, St) when is_atom(M) ->
    parse({module, M}, St);
parse(T, _St) when is_list(T) ->
    %% A file or folder name: OTP loads the tests of the .beam files found;
    %% this toolchain compiles sources with `eubeam test` instead.
    bad_test(T);
parse(T, _St) ->
    parse_simple(T).

parse_simple({L, F}) when is_integer(L), L >= 0 ->
    (parse_simple(F))#test{line = L};
parse_simple({{M, N, A} = Loc, F}) when is_atom(M), is_atom(N), is_integer(A) ->
    (parse_simple(F))#test{location = Loc};
parse_simple(F) ->
    parse_function(F).

parse_function(F) when is_function(F) ->
    check_arity(F, 0, F),
    #test{f = F, location = fun_info_mfa(F)};
parse_function({test, M, F}) when is_atom(M), is_atom(F) ->
    #test{f = mf_wrapper(M, F), location = {M, F, 0}, mf = {M, F}};
parse_function({M, F}) when is_atom(M), is_atom(F) ->
    parse_function({test, M, F});
parse_function(F) ->
    bad_test(F).

fun_info_mfa(F) ->
    {module, M} = erlang:fun_info(F, module),
    {name, N} = erlang:fun_info(F, name),
    {arity, A} = erlang:fun_info(F, arity),
    {M, N, A}.

check_arity(F, N, _) when is_function(F, N) -> ok;
check_arity(_, _, T) -> bad_test(T).

check_setup_list([{Tag, S, C} | Es], T) when is_atom(Tag), is_function(S), is_function(C) ->
    check_arity(S, 0, T),
    check_arity(C, 1, T),
    check_setup_list(Es, T);
check_setup_list([{Tag, S} | Es], T) when is_atom(Tag), is_function(S) ->
    check_arity(S, 0, T),
    check_setup_list(Es, T);
check_setup_list([], _T) ->
    ok;
check_setup_list(_, T) ->
    bad_test(T).

%% `{setup, [{Tag, Setup, Cleanup} | {Tag, Setup}], ...}`: the setups in
%% order, the instance is the list of their values; the cleanups run in
%% reverse order (those of the setups that ran, when one fails).
multi_setup(List) ->
    Setup = fun () -> multi_setup_run(List, [], []) end,
    Cleanup = fun (Rs) -> multi_cleanup(lists:reverse(List), lists:reverse(Rs)) end,
    {Setup, Cleanup}.

%% `Done` and `Acc`: the entries run so far and their values, latest first.
multi_setup_run([E | Es], Done, Acc) ->
    S = element(2, E),
    try S() of
        R -> multi_setup_run(Es, [E | Done], [R | Acc])
    catch
        Class:Term:Trace ->
            multi_cleanup(Done, Acc),
            erlang:raise(Class, Term, Trace)
    end;
multi_setup_run([], _Done, Acc) ->
    lists:reverse(Acc).

multi_cleanup([{_Tag, _S, C} | Es], [R | Rs]) -> C(R), multi_cleanup(Es, Rs);
multi_cleanup([{_Tag, _S} | Es], [_ | Rs]) -> multi_cleanup(Es, Rs);
multi_cleanup(_, _) -> ok.

ok(_) -> ok.
ok(_, _) -> ok.

is_not_test(T) ->
    case T of
        ok -> true;
        error -> true;
        true -> true;
        false -> true;
        undefined -> true;
        {ok, _} -> true;
        {error, _} -> true;
        {'EXIT', _} -> true;
        N when is_number(N) -> true;
        [N | _] when is_number(N) -> true;
        X when is_binary(X) -> true;
        X when is_pid(X) -> true;
        X when is_port(X) -> true;
        X when is_reference(X) -> true;
        _ -> false
    end.

%% A group whose only item is a test or a group is merged with it when
%% their properties do not conflict, as OTP's eunit_data does; this is
%% what puts "(module 'm')" on the line of a module's only test.
group(#group{context = #context{}} = G, _St) ->
    G;
group(#group{tests = T0, desc = Desc, order = Order, context = Context,
             spawn = Spawn, timeout = Timeout} = G, St) ->
    {T1, Ts} = lookahead(T0, St),
    {T2, _} = lookahead(Ts, St),
    case T1 of
        #test{desc = Desc1, timeout = Timeout1}
          when T2 =:= none, Spawn =:= undefined, Context =:= undefined,
               ((Desc =:= undefined) or (Desc1 =:= undefined)),
               ((Timeout =:= undefined) or (Timeout1 =:= undefined)) ->
            T1#test{desc = join(Desc, Desc1), timeout = join(Timeout, Timeout1)};
        #test{timeout = undefined}
          when T2 =:= none, Timeout =/= undefined, Context =:= undefined ->
            G#group{tests = {timeout, Timeout div 1000, T0}, timeout = undefined};
        #group{desc = Desc1, order = Order1, context = Context1,
               spawn = Spawn1, timeout = Timeout1}
          when T2 =:= none,
               ((Desc =:= undefined) or (Desc1 =:= undefined)),
               ((Order =:= undefined) or (Order1 =:= undefined)),
               ((Context =:= undefined) or (Context1 =:= undefined)),
               ((Spawn =:= undefined) or (Spawn1 =:= undefined)),
               ((Timeout =:= undefined) or (Timeout1 =:= undefined)) ->
            group(T1#group{desc = join(Desc, Desc1),
                           order = join(Order, Order1),
                           context = join(Context, Context1),
                           spawn = join(Spawn, Spawn1),
                           timeout = join(Timeout, Timeout1)}, St);
        _ ->
            G
    end.

lookahead(T, St) ->
    case next(T, St) of
        {abort, Reason, _} -> bad(Reason);
        none -> {none, []};
        {T1, Ts} -> {T1, Ts}
    end.

join(undefined, X) -> X;
join(X, undefined) -> X.

%% The test and generator functions of a module, in the order of its
%% exports, and those of `M_tests` when that module exists.
module_tests(M, St) ->
    case code:ensure_loaded(M) of
        {module, M} -> ok;
        _ -> bad({module_not_found, M})
    end,
    Exports = erlang:get_module_info(M, exports),
    Funs = lists:foldr(fun ({F, 0}, Acc) ->
                               Name = atom_to_list(F),
                               Keep = wanted(Name, St),
                               case {lists:suffix("_test", Name), lists:suffix("_test_", Name)} of
                                   {true, _} when Keep -> [{test, M, F} | Acc];
                                   {_, true} when Keep -> [{generator, M, F} | Acc];
                                   _ -> Acc
                               end;
                           (_, Acc) ->
                               Acc
                       end,
                       [], Exports),
    Name = atom_to_list(M),
    case lists:suffix("_tests", Name) of
        true ->
            Funs;
        false ->
            TestsName = Name ++ "_tests",
            TestsMod = list_to_atom(TestsName),
            case code:ensure_loaded(TestsMod) of
                {module, TestsMod} ->
                    Funs ++ [{"module '" ++ TestsName ++ "'", module_tests(TestsMod, St)}];
                _ ->
                    Funs
            end
    end.

wanted(_Name, #st{filter = undefined}) -> true;
wanted(Name, #st{filter = Filter}) ->
    string:find(Name, binary_to_list(Filter)) =/= nomatch.

%% ---------------------------------------------------------------------
%% Printing, as OTP's eunit_tty and eunit_lib do

fwrite(S) -> fwrite(S, []).
fwrite(S, As) ->
    case get('$eunit_out') of
        undefined -> io:fwrite(S, As);
        Out -> io:fwrite(Out, S, As)
    end.

indent(N) when is_integer(N), N >= 1 -> fwrite(lists:duplicate(N * 2, $\s));
indent(_N) -> ok.

print_test_begin(I, #test{desc = Desc, line = Line, location = Source}) ->
    indent(I),
    L = if Line =:= 0 -> "";
           true -> io_lib:fwrite("~w:", [Line])
        end,
    D = if Desc =:= ""; Desc =:= undefined -> "";
           true -> io_lib:fwrite(" (~ts)", [Desc])
        end,
    case Source of
        {Module, Name, _Arity} -> fwrite("~ts:~ts ~ts~ts...", [Module, L, Name, D]);
        _ -> fwrite("~ts~ts...", [L, D])
    end.

format_skipped({module_not_found, M}) ->
    io_lib:fwrite("missing module: ~w", [M]);
format_skipped({no_such_function, {M, F, A}}) ->
    io_lib:fwrite("no such function: ~w:~tw/~w", [M, F, A]).

format_cancel(undefined, _) -> "*skipped*\n";
format_cancel(timeout, _) -> "*timed out*\n";
format_cancel({startup, Reason}, Depth) ->
    io_lib:fwrite("*could not start test process*\n::~tP\n\n", [Reason, Depth]);
format_cancel({blame, _SubId}, _) -> "*cancelled because of subtask*\n";
format_cancel({exit, Reason}, Depth) ->
    io_lib:fwrite("*unexpected termination of test process*\n::~tP\n\n", [Reason, Depth]);
format_cancel({abort, Reason}, Depth) ->
    format_error(Reason, Depth).

format_exception({Class, Term, Trace}, Depth) when is_atom(Class), is_list(Trace) ->
    case is_stacktrace(Trace) of
        true ->
            io_lib:format("~ts**~w:~ts", [format_stacktrace(Trace), Class,
                                           format_term(Term, Depth)]);
        false ->
            format_term(Term, Depth)
    end;
format_exception(Term, Depth) ->
    format_term(Term, Depth).

format_term(Term, Depth) ->
    io_lib:format("~tP\n", [Term, Depth]).

is_stacktrace([]) -> true;
is_stacktrace([{M, F, A, L} | Fs]) when is_atom(M), is_atom(F), is_integer(A), is_list(L) ->
    is_stacktrace(Fs);
is_stacktrace([{M, F, As, L} | Fs]) when is_atom(M), is_atom(F), is_list(As), is_list(L) ->
    is_stacktrace(Fs);
is_stacktrace([{M, F, A} | Fs]) when is_atom(M), is_atom(F), is_integer(A) ->
    is_stacktrace(Fs);
is_stacktrace([{M, F, As} | Fs]) when is_atom(M), is_atom(F), is_list(As) ->
    is_stacktrace(Fs);
is_stacktrace(_) -> false.

format_stacktrace(Trace) ->
    format_stacktrace(Trace, "in function", "in call from").

format_stacktrace([{M, F, A, L} | Fs], Pre, Pre1) when is_integer(A) ->
    [io_lib:fwrite("~ts ~w:~tw/~w~ts\n", [Pre, M, F, A, format_location(L)])
     | format_stacktrace(Fs, Pre1, Pre1)];
format_stacktrace([{M, F, As, L} | Fs], Pre, Pre1) when is_list(As) ->
    A = length(As),
    C = case is_op(M, F, A) of
            true when A =:= 1 ->
                [A1] = As,
                io_lib:fwrite("~ts ~ts", [F, format_arg(A1)]);
            true when A =:= 2 ->
                [A1, A2] = As,
                io_lib:fwrite("~ts ~ts ~ts", [format_arg(A1), F, format_arg(A2)]);
            false ->
                io_lib:fwrite("~tw(~ts)", [F, format_arglist(As)])
        end,
    [io_lib:fwrite("~ts ~w:~tw/~w~ts\n  called as ~ts\n",
                   [Pre, M, F, A, format_location(L), C])
     | format_stacktrace(Fs, Pre1, Pre1)];
format_stacktrace([{M, F, As} | Fs], Pre, Pre1) ->
    format_stacktrace([{M, F, As, []} | Fs], Pre, Pre1);
format_stacktrace([], _Pre, _Pre1) ->
    "".

format_location(Location) ->
    File = proplists:get_value(file, Location),
    Line = proplists:get_value(line, Location),
    if File =/= undefined, Line =/= undefined ->
            io_lib:format(" (~ts, line ~w)", [File, Line]);
       true ->
            ""
    end.

format_arg(A) -> io_lib:format("~tP", [A, 15]).

format_arglist([A]) -> format_arg(A);
format_arglist([A | As]) -> [io_lib:format("~tP,", [A, 15]) | format_arglist(As)];
format_arglist([]) -> "".

is_op(erlang, F, 1) -> lists:member(F, ['+', '-', 'bnot', 'not']);
is_op(erlang, F, 2) ->
    lists:member(F, ['+', '-', '*', '/', 'div', 'rem', 'band', 'bor', 'bxor', 'bsl',
                     'bsr', 'and', 'or', 'xor', '==', '/=', '=<', '<', '>=', '>',
                     '=:=', '=/=', '++', '--', '!']);
is_op(_M, _F, _A) -> false.

format_error({bad_test, Term}, Depth) ->
    error_msg("bad test descriptor", "~tP", [Term, Depth]);
format_error({bad_generator, {{M, F, A}, Term}}, Depth) ->
    error_msg(io_lib:format("result from generator ~w:~tw/~w is not a test", [M, F, A]),
              "~tP", [Term, Depth]);
format_error({generator_failed, {{M, F, A}, Exception}}, Depth) ->
    error_msg(io_lib:format("test generator ~w:~tw/~w failed", [M, F, A]),
              "~ts", [format_exception(Exception, Depth)]);
format_error({no_such_function, {M, F, A}}, _) when is_atom(M), is_atom(F), is_integer(A) ->
    error_msg(io_lib:format("no such function: ~w:~tw/~w", [M, F, A]), "", []);
format_error({module_not_found, M}, _) ->
    error_msg("test module not found", "~tp", [M]);
format_error({setup_failed, Exception}, Depth) ->
    error_msg("context setup failed", "~ts", [format_exception(Exception, Depth)]);
format_error({cleanup_failed, Exception}, Depth) ->
    error_msg("context cleanup failed", "~ts", [format_exception(Exception, Depth)]);
format_error({instantiation_failed, Exception}, Depth) ->
    error_msg("instantiation of subtests failed", "~ts", [format_exception(Exception, Depth)]).

error_msg(Title, Fmt, Args) ->
    Msg = io_lib:format("**" ++ Fmt, Args),
    io_lib:fwrite("*** ~ts ***\n~ts\n\n", [Title, Msg]).
