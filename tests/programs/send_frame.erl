-module(send_frame).
-export([main/0]).

%% `Dest ! Msg` to an unregistered name fails in erlang:send/2, as erl's
%% stack traces name it.
main() ->
    try nobody_here ! hello of
        _ -> ok
    catch
        error:R:St ->
            [{M, F, A, _} | _] = St,
            io:format("~p ~p ~p ~p~n", [R, M, F, A])
    end,
    Self = self(),
    io:format("~p~n", [Self ! back]),
    receive X -> io:format("~p~n", [X]) end.
