%% The Erlang program equivalent to tests/gleam/run/result_errors.gleam;
%% its output, run by erl, is result_errors.expected.
-module(result_errors).
-export([main/0]).

parse_line(Line, N) ->
    case string:split(Line, "=") of
        [K0, V0] ->
            K = string:trim(K0), V = string:trim(V0),
            case K of
                "port" -> try {ok, {port, list_to_integer(V)}} catch _:_ -> {error, {bad_number, K, V}} end;
                "host" -> {ok, {host, V}};
                "debug" -> {ok, {debug, V =:= "true"}};
                _ -> {error, {unknown_key, K}}
            end;
        _ -> {error, {missing_equals, N}}
    end.

derr({missing_equals, N}) -> io_lib:format("line ~p: missing =", [N]);
derr({bad_number, K, V}) -> K ++ ": not a number: " ++ V;
derr({unknown_key, K}) -> "unknown key " ++ K.

desc({port, P}) -> io_lib:format("port ~p", [P]);
desc({host, H}) -> "host " ++ H;
desc({debug, true}) -> "debug True";
desc({debug, false}) -> "debug False".

parse_all(Text) ->
    Lines = string:split(Text, "\n", all),
    [parse_line(L, I) || {I, L} <- lists:zip(lists:seq(1, length(Lines)), Lines)].

all(Rs) -> case [E || {error, E} <- Rs] of [] -> {ok, [S || {ok, S} <- Rs]}; [E | _] -> {error, E} end.

main() ->
    {ok, Settings} = all(parse_all("host = example.com\nport = 8080\ndebug = true")),
    [io:format("~s~n", [desc(S)]) || S <- Settings],
    {error, E} = all(parse_all("host = x\nport = eighty\nverbose = yes\njunk")),
    io:format("first error: ~s~n", [derr(E)]),
    Rs = parse_all("host = x\nport = eighty\nverbose = yes\njunk"),
    Oks = [S || {ok, S} <- Rs], Errs = [X || {error, X} <- Rs],
    io:format("~p ok, ~p errors~n", [length(Oks), length(Errs)]),
    [io:format("  ~s~n", [derr(X)]) || X <- Errs],
    Port = case parse_line("port = 99x", 1) of
        {ok, S1} -> desc(S1);
        _ -> case parse_line("port = 81", 2) of {ok, S2} -> desc(S2); _ -> "none" end
    end,
    io:format("~s~n", [Port]),
    Maybe = try {some, list_to_integer("12") * 2} catch _:_ -> none end,
    io:format("~s~n", [opt(Maybe)]),
    io:format("~s~n", [opt(case Maybe of {some, N} when N > 100 -> {some, N}; _ -> none end)]),
    io:format("~p~n", [7 + case Maybe of {some, M} -> M; none -> 0 end]).

opt({some, N}) -> io_lib:format("Some(~p)", [N]);
opt(none) -> "None".
