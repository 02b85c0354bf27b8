%% The Erlang side of tests/gleam/run/uri_module.gleam: gleam_stdlib parses
%% URIs and queries on Erlang with OTP's uri_string (gleam_stdlib.erl's
%% uri_parse/parse_query, reproduced here with Gleam's printing), so this
%% program, run by erl, gives the expected lines for uri.parse,
%% uri.parse_query, percent_encode and percent_decode.
-module(uri_module).
-export([main/0]).

opt(M, K) -> case maps:find(K, M) of {ok, undefined} -> "None"; {ok, V} -> "Some(" ++ show(V) ++ ")"; error -> "None" end.
show(V) when is_binary(V) -> "\"" ++ binary_to_list(V) ++ "\"";
show(V) when is_integer(V) -> integer_to_list(V).

parse(S) ->
    case uri_string:parse(S) of
        {error, _, _} -> "Error(Nil)";
        U ->
            Scheme = case maps:find(scheme, U) of {ok, Sc} -> "Some(" ++ show(string:lowercase(Sc)) ++ ")"; error -> "None" end,
            "Ok(Uri(" ++ lists:join(", ", [Scheme, opt(U, userinfo), opt(U, host), opt(U, port),
                                          show(maps:get(path, U, <<>>)), opt(U, query), opt(U, fragment)]) ++ "))"
    end.

query(Q) ->
    case uri_string:dissect_query(Q) of
        {error, _, _} -> "Error(Nil)";
        Pairs -> "Ok([" ++ lists:join(", ", [pair(K, V) || {K, V} <- Pairs]) ++ "])"
    end.
pair(K, true) -> pair(K, <<>>);
pair(K, V) -> "#(" ++ show(K) ++ ", " ++ show(V) ++ ")".

%% gleam_stdlib's percent_encode keeps these bytes and escapes the rest.
pct_ok(C) -> lists:member(C, "!$'()*+-._~") orelse (C >= $0 andalso C =< $9)
    orelse (C >= $A andalso C =< $Z) orelse (C >= $a andalso C =< $z).
pct(S) -> lists:flatten([case pct_ok(C) of true -> C; false -> io_lib:format("%~2.16.0B", [C]) end || <<C>> <= S]).
unpct(S) ->
    try uri_string:percent_decode(S) of
        {error, _, _} -> "Error(Nil)";
        D -> case unicode:characters_to_binary(D) of D -> "Ok(" ++ show(D) ++ ")"; _ -> "Error(Nil)" end
    catch _:_ -> "Error(Nil)"
    end.

main() ->
    [io:format("~ts~n", [parse(S)]) || S <- [
        <<"https://user:pw@Example.com:8080/a/b?x=1&y=2#frag">>, <<"HTTP://a">>,
        <<"http://a:/p">>, <<"mailto:joe@example.com">>, <<"/rel/path?q">>, <<"a b">>,
        <<"http://a:xx/">>, <<"//host/p">>, <<"http://[::1]:80/">>, <<"1http://x">>,
        <<"foo:bar:baz">>, <<"">>, <<"?q#f">>, <<"x/y:z">>, <<":x">>, <<"http://a@b@c/">>]],
    [io:format("~ts~n", [query(Q)]) || Q <- [<<"a=1&b=2">>, <<"a=%20x+y&flag">>, <<"a=%zz">>, <<"">>, <<"k=v=w">>]],
    io:format("~s~n", [pct(<<"100% great/ok?">>)]),
    io:format("~ts~n", [unpct(<<"100%25%20great+fun">>)]),
    io:format("~ts~n", [unpct(<<"%C3%A9">>)]),
    io:format("~ts~n", [unpct(<<"%zz">>)]).
