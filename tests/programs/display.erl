%% erlang:display/1 prints a term's external form on stdout, as erl does.
-module(display).
-export([main/0]).

main() ->
    erlang:display(hello),
    erlang:display('Quoted atom'),
    erlang:display([1, 2, 3]),
    erlang:display("string"),
    erlang:display({a, "b", <<"c">>, [1 | 2]}),
    erlang:display(1.5),
    erlang:display(-0.001),
    erlang:display(1.0e100),
    erlang:display(123456789012345678901234567890),
    erlang:display(#{a => 1, "k" => [x]}),
    erlang:display(<<1, 2, 255>>),
    erlang:display(<<1:3>>),
    erlang:display([]),
    erlang:display({}),
    erlang:display([$a, 256, $b]),
    true = erlang:display(ok),
    ok.
