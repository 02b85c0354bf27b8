%% The `eubeam test` entry point for Elixir (Frontend::test_driver): the
%% contract's '$eubeam_test'/2, a name Elixir source cannot define.
-module('Elixir.ExUnit.Driver').
-export(['$eubeam_test'/2]).

'$eubeam_test'(Modules, Opts) ->
    'Elixir.ExUnit':'__eubeam_test__'(Modules, Opts).
