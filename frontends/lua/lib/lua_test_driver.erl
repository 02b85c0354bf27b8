%% The Lua driver of `eubeam test` (spec/test.md): runs busted-style spec
%% files and plain `*_test.lua` scripts through the busted-compatible
%% library `lua_busted` (frontends/lua/lib/busted.lua), which prints
%% busted's plain-terminal output. See spec/lua.md ("eubeam test").
-module(lua_test_driver).
-export(['$eubeam_test'/2]).

'$eubeam_test'(Modules, Opts) ->
    Filter = case maps:get(filter, Opts, undefined) of
                 undefined -> nil;
                 F -> F
             end,
    G = lua:new_env(),
    R = lua:registry(),
    lua_rt:call(lua_prelude:loader(G), [R]),
    Run = lua_rt:call1(lua_busted:loader(G), [R]),
    Report = fun(Args) ->
                     E = case Args of
                             [V | _] -> V;
                             [] -> nil
                         end,
                     lua:uncaught(error, {lua_error, E}),
                     nil
             end,
    Files = lists:append([[path(M), loader(M)] || M <- Modules, is_chunk(M)]),
    [Passed, Failed, Skipped] = lua_rt:call(Run, [Filter, Report | Files]),
    {Passed, Failed, Skipped}.

is_chunk(M) ->
    case atom_to_list(M) of
        "lua@" ++ _ -> true;
        _ -> false
    end.

%% A chunk module is named lua@Path (frontends/lua/src/lib.rs).
path(M) ->
    "lua@" ++ Path = atom_to_list(M),
    unicode:characters_to_binary(Path).

loader(M) ->
    fun(Args) ->
            Env = case Args of
                      [E | _] -> E;
                      [] -> nil
                  end,
            M:loader(Env)
    end.
