%% Calls the Lua test driver directly, as `eubeam test` does (spec/test.md):
%% `eubeam run run_driver.erl FILE.lua... -- FILE.lua...` runs the given
%% Lua test files and prints {Passed, Failed, Skipped} on stderr.
%% Used by cli/tests/test_busted.rs until `eubeam test` is on main.
-module(run_driver).
-export([main/1]).

main(Files) ->
    Mods = [list_to_atom("lua@" ++ F) || F <- Files],
    Opts = #{seed => 0, filter => undefined, entries => Mods},
    R = lua_test_driver:'$eubeam_test'(Mods, Opts),
    io:format(standard_error, "~p~n", [R]).
