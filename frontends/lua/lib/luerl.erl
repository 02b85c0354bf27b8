%% Luerl's API (as in Luerl 1.5) over eubeam's own Lua: hosting Lua states
%% in Erlang, Elixir, LFE and Gleam processes. See spec/lua.md ("Hosting").
%%
%% A state is {luerl, {tref, N}} (N the globals table): the Lua objects
%% live in the calling process's arena, so a state belongs to the process
%% that made it.
%% Chunks are compiled at run time by the Lua frontend (lua:load_chunk/2)
%% and run with Lua 5.4 semantics. Encoded values are Lua values, except
%% tables, which appear as {tref, N}.
-module(luerl).
-export([init/0, do/2, do/3, do_dec/2, do_dec/3, dofile/2, dofile/3,
         dofile_dec/2, dofile_dec/3, load/2, load/3, call/3, call_chunk/2,
         call_chunk/3, call_function/3, call_function_dec/3,
         get_table_keys/2, get_table_keys_dec/2, set_table_keys/3,
         set_table_keys_dec/3, encode/2, decode/2, encode_list/2,
         decode_list/2]).

init() ->
    G = lua:new_env(),
    Prelude = lua_prelude:loader(G),
    Prelude([lua:registry()]),
    {luerl, hd(lua:luerl_out([G]))}.

globals({luerl, Gt}) -> hd(lua:luerl_in([Gt])).

text(S) when is_binary(S) -> S;
text(S) when is_list(S) -> unicode:characters_to_binary(S).

load(S, St) -> load(S, [return], St).

load(S, _Opts, St) ->
    load_text(text(S), default, globals(St), St).

load_text(Bin, Name, G, St) ->
    case lua:load_chunk(Bin, Name) of
        {ok, M} -> {ok, M:loader(G), St};
        {error, Line, Msg} -> {error, [{Line, luerl_parse, Msg}], []}
    end.

do(S, St) -> do(S, [return], St).

do(S, Opts, St0) ->
    case load(S, Opts, St0) of
        {ok, F, St1} -> call_function(F, [], St1);
        Error -> Error
    end.

do_dec(S, St) -> do_dec(S, [return], St).

do_dec(S, Opts, St0) ->
    case do(S, Opts, St0) of
        {ok, R, St1} -> {ok, decode_list(R, St1), St1};
        Error -> Error
    end.

dofile(File, St) -> dofile(File, [], St).

dofile(File, _Opts, St0) ->
    case file:read_file(File) of
        {ok, Bin} ->
            case load_text(Bin, text(File), globals(St0), St0) of
                {ok, F, St1} -> call_function(F, [], St1);
                Error -> Error
            end;
        {error, E} -> {error, [{none, file, E}], []}
    end.

dofile_dec(File, St) -> dofile_dec(File, [], St).

dofile_dec(File, Opts, St0) ->
    case dofile(File, Opts, St0) of
        {ok, R, St1} -> {ok, decode_list(R, St1), St1};
        Error -> Error
    end.

call(F, Args, St) -> call_function(F, Args, St).

call_chunk(F, St) -> call_function(F, [], St).

call_chunk(F, Args, St) -> call_function(F, Args, St).

call_function(Path, Args, St0) when is_list(Path) ->
    case get_table_keys(Path, St0) of
        {ok, F, St1} -> call_function(F, Args, St1);
        Error -> Error
    end;
call_function(F, Args, St) ->
    [Fl | Argsl] = lua:luerl_in([F | Args]),
    try lua_rt:call(Fl, Argsl) of
        R -> {ok, lua:luerl_out(R), St}
    catch
        error:{lua_error, E} -> {lua_error, hd(lua:luerl_out([E])), St}
    end.

call_function_dec(Path, Args, St0) ->
    {Epath, St1} = encode_list(Path, St0),
    {Eargs, St2} = encode_list(Args, St1),
    case call_function(Epath, Eargs, St2) of
        {ok, R, St3} -> {ok, decode_list(R, St3), St3};
        Error -> Error
    end.

get_table_keys(Keys, St) ->
    try get_keys(globals(St), lua:luerl_in(Keys)) of
        V -> {ok, hd(lua:luerl_out([V])), St}
    catch
        error:{lua_error, E} -> {lua_error, hd(lua:luerl_out([E])), St}
    end.

get_keys(T, []) -> T;
get_keys(T, [K | Ks]) -> get_keys(lua:index(T, K, nil), Ks).

get_table_keys_dec(Keys, St0) ->
    {Ekeys, St1} = encode_list(Keys, St0),
    case get_table_keys(Ekeys, St1) of
        {ok, V, St2} -> {ok, decode(V, St2), St2};
        Error -> Error
    end.

set_table_keys(Keys, Val, St) ->
    [V | Ks] = lua:luerl_in([Val | Keys]),
    try set_keys(globals(St), Ks, V) of
        _ -> {ok, St}
    catch
        error:{lua_error, E} -> {lua_error, hd(lua:luerl_out([E])), St}
    end.

set_keys(T, [K], V) -> lua:setindex(T, K, V, nil);
set_keys(T, [K | Ks], V) -> set_keys(lua:index(T, K, nil), Ks, V).

set_table_keys_dec(Keys, Val, St0) ->
    {Ekeys, St1} = encode_list(Keys, St0),
    {Eval, St2} = encode(Val, St1),
    set_table_keys(Ekeys, Eval, St2).

encode(T, St) -> {lua:luerl_encode(T), St}.

decode(V, _St) -> lua:luerl_decode(V).

encode_list(Ts, St) -> {[lua:luerl_encode(T) || T <- Ts], St}.

decode_list(Vs, _St) -> [lua:luerl_decode(V) || V <- Vs].
