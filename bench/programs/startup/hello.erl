%% Startup anchor: print "hi" and exit.
%% erl: erl -noshell -pa DIR -s hello main_halt      eubeam: eubeam run hello.erl
-module(hello).
-export([main/0, main_halt/0]).
main() -> io:format("hi~n").
main_halt() -> io:format("hi~n"), erlang:halt().
