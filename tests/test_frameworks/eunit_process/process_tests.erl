%% OTP's EUnit runs a group's tests one after another in one process: a
%% local setup's process is the tests' (messages to self() arrive, the
%% process dictionary is shared), and a linked process that dies takes the
%% run down (the running test is skipped, the rest cancelled).
-module(process_tests).
-include_lib("eunit/include/eunit.hrl").

notify_test_() ->
    {setup, local,
     fun () -> Me = self(), spawn(fun () -> Me ! hello end), ok end,
     fun (_) -> ok end,
     ?_test(receive hello -> ok after 1000 -> erlang:error(no_message) end)}.

same_process_test_() ->
    {inorder, [?_test(put(pid, self())), ?_assertEqual(self(), get(pid))]}.

link_test() ->
    spawn_link(fun () -> exit(boom) end),
    timer:sleep(100).

after_test() -> ok.
