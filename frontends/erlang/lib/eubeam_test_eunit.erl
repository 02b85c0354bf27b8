%% The Erlang test driver of `eubeam test` (spec/test.md): runs the test
%% modules with EUnit as `eunit:test(Modules, [])` would and returns
%% `{Passed, Failed, Skipped}`.
-module(eubeam_test_eunit).

-export(['$eubeam_test'/2]).

'$eubeam_test'(Modules, Opts) ->
    Options = case maps:get(filter, Opts, undefined) of
                  undefined -> [];
                  Filter -> [{filter, Filter}]
              end,
    %% `eunit:test(m)` also runs `m_tests`: a `m_tests` beside `m` in the
    %% list would run twice.
    Names = [atom_to_list(M) || M <- Modules],
    Run = [M || M <- Modules,
                not (lists:suffix("_tests", atom_to_list(M))
                     andalso lists:member(lists:sublist(atom_to_list(M),
                                                        length(atom_to_list(M)) - 6),
                                          Names))],
    eunit:'$eubeam_run'(Run, Options).
