%% As run_driver.erl, with the filter <<"spies spy">> (cli/tests/test_busted.rs).
-module(filter_driver).
-export([main/1]).

main(Files) ->
    Mods = [list_to_atom("lua@" ++ F) || F <- Files],
    Opts = #{seed => 0, filter => <<"spies spy">>, entries => Mods},
    R = lua_test_driver:'$eubeam_test'(Mods, Opts),
    io:format(standard_error, "~p~n", [R]).
