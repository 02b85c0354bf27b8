%% The Lua shell's evaluation (`eubeam repl --lang lua`, `--eval`), called
%% by the `eval/1` of each module the Lua frontend's shell_input makes.
%% The global table lives in the shell process (its dictionary keeps the
%% reference; the objects are in the process's arena), so globals persist
%% across inputs; locals are passed in and out as the shell's bound values.
-module(lua_shell).
-export([eval/3]).

%% Mode: expr (print the results with the global print, as lua.c does) or
%% stmt (the results are the new values of the bound locals).
%% Returns {Text, NewValues}; Text is shown by the shell as it is. A Lua
%% error is shown as lua5.4 shows it (the shell's error banner: the
%% bound values stay as they were; --eval exits with status 1).
eval(Mode, Loader, Values) ->
    Env = env(),
    try
        Results = lua:all(lua_rt:call(Loader(Env), Values)),
        case Mode of
            expr ->
                show(Env, Results),
                {<<>>, Values};
            stmt ->
                {<<>>, Results}
        end
    catch
        error:{lua_error, E} -> error({'$eubeam_shell_error', lua:error_text(E)})
    end.

show(_Env, []) -> ok;
show(Env, Results) -> lua_rt:call(lua:index(Env, <<"print">>, nil), Results).

env() ->
    case get('lua$shell_env') of
        undefined ->
            E = lua:new_env(),
            Prelude = lua_prelude:loader(E),
            Prelude([lua:registry()]),
            put('lua$shell_env', E),
            E;
        E ->
            E
    end.
