-module(spawn_mfa).
-export([main/0, echo/1, summer/2]).
echo(Parent) -> receive M -> Parent ! {self(), M} end.
summer(Parent, Xs) -> Parent ! {sum, lists:sum(Xs)}.
main() ->
  P = spawn(?MODULE, echo, [self()]),
  P ! hello,
  receive {P = From, M} -> io:format("~p~n", [{From == P, M}]) end,
  spawn(spawn_mfa, summer, [self(), [1,2,3,4]]),
  receive {sum, S} -> io:format("~p~n", [S]) end,
  P2 = spawn_link(spawn_mfa, echo, [self()]),
  io:format("~p~n", [is_process_alive(P2)]),
  P2 ! bye,
  receive _ -> ok end,
  timer:sleep(10),
  io:format("~p~n", [is_process_alive(P2)]),
  io:format("~p~n", [?MODULE]).
