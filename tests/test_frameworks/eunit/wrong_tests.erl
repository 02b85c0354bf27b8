%% Groups that cannot run: a failing setup, a failing generator, a
%% generator that returns something that is not a test.
-module(wrong_tests).
-include_lib("eunit/include/eunit.hrl").

before_test() -> ok.

setup_fails_test_() ->
    {setup, fun () -> erlang:error(no_database) end, [?_test(ok), ?_test(ok)]}.

generator_fails_test_() ->
    erlang:error({cannot, generate}).

after_test() -> ok.
