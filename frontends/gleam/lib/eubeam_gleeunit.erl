%% The gleeunit test driver (`Frontend::test_driver` of the Gleam
%% frontend; spec/test.md has the contract, spec/gleam.md the output).
%%
%% Our own runner, printing what gleeunit 1.9.0 prints on the Erlang target
%% (its EUnit listener `gleeunit_progress` and `gleeunit/internal/reporting`):
%% a green dot per passing test; for a failing one a blank line and a report
%% naming the Erlang module and the function, with the values the error
%% carries (the Gleam compiler's `gleam_error` map for panic, todo, assert
%% and let assert; anything else shown with `string.inspect`); then the
%% summary line. The colour escapes are printed always, as gleeunit does.
%%
%% Tests are the exported arity-0 functions whose name ends in `_test`, in
%% export order (the source order of the module's functions), modules in
%% the order given. Each runs in a process of its own, as under EUnit, with
%% EUnit's default 5 s timeout scaled by gleeunit's 10.
-module(eubeam_gleeunit).
-export(['$eubeam_test'/2, main/0]).

-define(TIMEOUT, 50000).

%% ---- the `eubeam test` entry ----------------------------------------------

'$eubeam_test'(Modules, Opts) ->
    Filter = case Opts of
                 #{filter := F} when is_binary(F) -> F;
                 _ -> undefined
             end,
    Tests = [{M, F} || M <- Modules, F <- tests(M), selected(Filter, M, F)],
    {P, Fl, S} = lists:foldl(fun run_test/2, {0, 0, 0}, Tests),
    finished(P, Fl, S),
    {P, Fl, S}.

%% `gleeunit.main()`: every module under `test/` (relative to the current
%% directory, as gleeunit looks), then halt with 0 when nothing failed.
main() ->
    Files = lists:sort(find_gleam("test", "")),
    Modules = [binary_to_atom(iolist_to_binary(string:replace(
                   string:slice(F, 0, length(F) - length(".gleam")),
                   "/", "@", all)), utf8) || F <- Files],
    {_, Failed, _} = '$eubeam_test'(Modules, #{}),
    erlang:halt(case Failed of 0 -> 0; _ -> 1 end).

find_gleam(Dir, Rel) ->
    case file:list_dir(Dir) of
        {ok, Names} ->
            lists:append([entry(Dir, Rel, N) || N <- Names]);
        {error, _} ->
            []
    end.

entry(Dir, Rel, Name) ->
    Path = Dir ++ "/" ++ Name,
    RelName = case Rel of "" -> Name; _ -> Rel ++ "/" ++ Name end,
    case file:list_dir(Path) of
        {ok, _} -> find_gleam(Path, RelName);
        {error, _} ->
            case lists:suffix(".gleam", Name) of
                true -> [RelName];
                false -> []
            end
    end.

%% ---- discovery ------------------------------------------------------------

tests(M) ->
    case catch erlang:get_module_info(M, exports) of
        Exports when is_list(Exports) ->
            [F || {F, 0} <- Exports, lists:suffix("_test", atom_to_list(F))];
        _ ->
            []
    end.

%% `--filter`: the function's name contains the text (as the EUnit driver).
selected(undefined, _, _) -> true;
selected(Filter, _M, F) ->
    binary:match(atom_to_binary(F, utf8), Filter) =/= nomatch.

%% ---- running --------------------------------------------------------------

run_test({M, F}, {P, Fl, S}) ->
    Parent = self(),
    {Pid, Ref} = spawn_monitor(fun() ->
        Result = try M:F() of
                     _ -> ok
                 catch
                     Class:Reason:Stack -> {error, Class, Reason, Stack}
                 end,
        Parent ! {self(), Result}
    end),
    Outcome = receive
                  {Pid, R} ->
                      erlang:demonitor(Ref, [flush]),
                      R;
                  {'DOWN', Ref, process, Pid, Why} ->
                      {cancel, {exit, Why}}
              after ?TIMEOUT ->
                  erlang:demonitor(Ref, [flush]),
                  exit(Pid, kill),
                  {cancel, timeout}
              end,
    Module = atom_to_binary(M, utf8),
    Function = atom_to_binary(F, utf8),
    case Outcome of
        ok ->
            io:put_chars(green(<<".">>)),
            {P + 1, Fl, S};
        {error, _Class, Exception, _Stack} ->
            io:put_chars(["\n", failure(Module, Function, Exception)]),
            {P, Fl + 1, S};
        {cancel, Why2} ->
            %% EUnit cancels a test that times out or whose process dies;
            %% gleeunit reports the cancellation's data as an unexpected
            %% error of `gleeunit.main`.
            io:put_chars(["\n", unknown(<<"gleeunit">>, <<"main">>, [{reason, Why2}])]),
            {P, Fl + 1, S}
    end.

finished(0, 0, 0) ->
    io:put_chars("\nNo tests found!\n");
finished(P, 0, 0) ->
    io:put_chars([green(["\n", integer_to_binary(P), " passed, no failures"]), "\n"]);
finished(P, F, 0) ->
    io:put_chars([red(["\n", integer_to_binary(P), " passed, ",
                       integer_to_binary(F), " failures"]), "\n"]);
finished(P, 0, S) ->
    io:put_chars([yellow(["\n", integer_to_binary(P), " passed, 0 failures, ",
                          integer_to_binary(S), " skipped"]), "\n"]);
finished(P, F, S) ->
    io:put_chars([red(["\n", integer_to_binary(P), " passed, ",
                       integer_to_binary(F), " failures, ",
                       integer_to_binary(S), " skipped"]), "\n"]).

%% ---- failure reports ------------------------------------------------------

failure(Module, Function, #{gleam_error := Kind, file := File, line := Line,
                            message := Message} = E)
  when is_binary(File), is_integer(Line), is_binary(Message) ->
    Location = grey([File, ":", integer_to_binary(Line)]),
    Test = [cyan(<<" test">>), ": ", Module, ".", Function, "\n"],
    Info = [cyan(<<" info">>), ": ", Message, "\n"],
    case Kind of
        panic ->
            [bold(red(<<"panic">>)), " ", Location, "\n", Test, Info];
        todo ->
            [bold(yellow(<<"todo">>)), " ", Location, "\n", Test, Info];
        let_assert ->
            [bold(red(<<"let assert">>)), " ", Location, "\n", Test,
             snippet(E), cyan(<<"value">>), ": ",
             inspect(maps:get(value, E, nil)), "\n", Info];
        assert ->
            [bold(red(<<"assert">>)), " ", Location, "\n", Test,
             snippet(E), assert_info(E), Info];
        _ ->
            unknown(Module, Function, E)
    end;
failure(Module, Function, Other) ->
    unknown(Module, Function, Other).

unknown(Module, Function, Error) ->
    [grey([Module, ".", Function]), "\n",
     "An unexpected error occurred:\n",
     "\n",
     "  ", inspect(Error), "\n"].

%% The values of the sides of a failed `assert`: both operands of a
%% comparison, or each argument of a call.
assert_info(#{kind := binary_operator, left := L, right := R}) ->
    [asserted(<<" left">>, L), asserted(<<"right">>, R)];
assert_info(#{kind := function_call, arguments := Args}) ->
    {Lines, _} = lists:mapfoldl(
                   fun(A, I) ->
                           Label = string:pad(integer_to_binary(I), 5, leading),
                           {asserted(iolist_to_binary(Label), A), I + 1}
                   end, 0, Args),
    Lines;
assert_info(_) ->
    [].

asserted(Label, #{kind := Kind} = A) ->
    Shown = case Kind of
                unevaluated -> grey(<<"unevaluated">>);
                literal -> grey(<<"literal">>);
                expression -> inspect(maps:get(value, A, nil))
            end,
    [cyan(Label), ": ", Shown, "\n"].

%% The failing statement quoted from its file (`start` to `end`, byte
%% offsets), read relative to the current directory as gleeunit reads it,
%% else from the file the module was compiled from.
snippet(#{start := Start, 'end' := End, file := File, module := Module})
  when is_integer(Start), is_integer(End), End >= Start ->
    case source(File, Module) of
        {ok, Src} when byte_size(Src) >= End ->
            Code = binary:part(Src, Start, End - Start),
            case unicode:characters_to_binary(Code) of
                Code -> [cyan(<<" code">>), ": ", Code, "\n"];
                _ -> []
            end;
        _ ->
            []
    end;
snippet(_) ->
    [].

source(File, Module) ->
    case file:read_file(File) of
        {ok, Src} -> {ok, Src};
        _ ->
            Erl = binary_to_atom(iolist_to_binary(string:replace(Module, "/", "@", all)), utf8),
            case code:is_loaded(Erl) of
                {file, Path} -> file:read_file(Path);
                _ -> error
            end
    end.

inspect(V) -> gleam_stdlib:inspect(V).

%% ---- colours, as gleeunit writes them -------------------------------------

bold(T) -> ["\e[1m", T, "\e[22m"].
cyan(T) -> ["\e[36m", T, "\e[39m"].
yellow(T) -> ["\e[33m", T, "\e[39m"].
green(T) -> ["\e[32m", T, "\e[39m"].
red(T) -> ["\e[31m", T, "\e[39m"].
grey(T) -> ["\e[90m", T, "\e[39m"].
