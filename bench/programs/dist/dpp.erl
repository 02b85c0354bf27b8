%% Remote ping-pong between two nodes (`eubeam bench --only dist`): the
%% server node registers `pong`; the client node makes R round trips
%% `{pong, Node} ! {ping, self(), K}` -> `{pong, K}` after a warm-up of 1000.
%%   server: erl -sname S -noshell -run dpp main server
%%   client: erl -sname C -noshell -run dpp main S@host 20000 -s erlang halt
-module(dpp).
-export([main/1]).

main(["server"]) ->
    register(pong, self()),
    serve();
main([NodeS, RS]) ->
    Node = list_to_atom(NodeS),
    R = list_to_integer(RS),
    pong = net_adm:ping(Node),
    rounds(Node, 1000),
    T0 = erlang:monotonic_time(microsecond),
    rounds(Node, R),
    Us = erlang:monotonic_time(microsecond) - T0,
    io:format("dist_pingpong R=~p ok=true ms=~.1f roundtrips_per_s=~p~n",
              [R, Us / 1000, R * 1000000 div max(Us, 1)]).

serve() ->
    receive
        {ping, From, K} -> From ! {pong, K}, serve();
        stop -> ok
    end.

rounds(_Node, 0) -> ok;
rounds(Node, K) ->
    {pong, Node} ! {ping, self(), K},
    receive {pong, K} -> rounds(Node, K - 1) end.
