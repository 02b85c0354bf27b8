%% A test that runs past its timeout: EUnit reports it as timed out and
%% the rest of the run, which OTP's EUnit runs in the same process, is
%% cancelled (after_test does not run).
-module(slow_tests).
-include_lib("eunit/include/eunit.hrl").

quick_test() -> ok.

slow_test_() ->
    {timeout, 0.2, ?_test(timer:sleep(2000))}.

after_test() -> ok.
