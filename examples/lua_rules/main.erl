%% A game whose rules are a Lua script: every player is a process holding
%% its own Lua state (as Luerl hosts Lua on the BEAM); the game master sends
%% each event to the player's process, whose Lua rules score it.
-module(lua_rules).
-export([main/0]).

rules() ->
    <<"local score = 0
       local points = {gem = 10, coin = 1, trap = -5}
       function on_event(player, event, count)
         local delta = (points[event] or 0) * count
         if event == 'coin' and count >= 10 then delta = delta + 5 end
         score = math.max(score + delta, 0)
         return score, string.format('%s: %s x%d -> %+d', player, event, count, delta)
       end">>.

events() ->
    [{<<"ada">>, <<"coin">>, 3}, {<<"bob">>, <<"gem">>, 1}, {<<"cy">>, <<"trap">>, 1},
     {<<"ada">>, <<"coin">>, 12}, {<<"bob">>, <<"trap">>, 2}, {<<"cy">>, <<"gem">>, 2},
     {<<"ada">>, <<"dragon">>, 1}].

main() ->
    Players = [{Name, spawn(fun() -> player(Name) end)} || Name <- [<<"ada">>, <<"bob">>, <<"cy">>]],
    Final = lists:foldl(
              fun({Name, Event, Count}, Scores) ->
                      {Name, Pid} = lists:keyfind(Name, 1, Players),
                      Pid ! {event, self(), Event, Count},
                      receive
                          {Pid, Score, Line} ->
                              io:format("~s (score ~b)~n", [Line, Score]),
                              Scores#{Name => Score}
                      end
              end, #{}, events()),
    Standings = lists:sort(fun({A, SA}, {B, SB}) -> {-SA, A} =< {-SB, B} end,
                           maps:to_list(Final)),
    [io:format("~b. ~s ~b~n", [I, N, S])
     || {I, {N, S}} <- lists:zip(lists:seq(1, length(Standings)), Standings)],
    [Pid ! stop || {_, Pid} <- Players],
    ok.

%% A player: one Lua state, loaded with the rules once, kept across events.
player(Name) ->
    {ok, _, St} = luerl:do(rules(), luerl:init()),
    player_loop(Name, St).

player_loop(Name, St0) ->
    receive
        {event, From, Event, Count} ->
            {ok, [Score, Line], St1} =
                luerl:call_function_dec([on_event], [Name, Event, Count], St0),
            From ! {self(), trunc(Score), Line},
            player_loop(Name, St1);
        stop ->
            ok
    end.
