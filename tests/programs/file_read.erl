-module(file_read).
-export([main/0]).

%% file:read_file/1: a missing file (string and binary names), a file
%% that exists, a directory, and a name that is neither.
main() ->
    io:format("~p~n", [file:read_file("no_such_file_here.txt")]),
    io:format("~p~n", [file:read_file(<<"no_such_file_here.txt">>)]),
    {ok, Bin} = file:read_file(<<"/proc/self/status">>),
    io:format("~p~n", [is_binary(Bin)]),
    io:format("~p~n", [file:read_file("/")]),
    io:format("~p~n", [catch file:read_file(42)]).
