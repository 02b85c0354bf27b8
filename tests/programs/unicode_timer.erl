%% unicode:characters_to_list/binary (results, error and incomplete
%% tuples) and timer's helpers, compared with erl.
-module(unicode_timer).
-export([main/0]).

t(Name, F) ->
    try F() of
        V -> io:format("~s: ~w~n", [Name, V])
    catch
        C:R -> io:format("~s: ~p:~p~n", [Name, C, R])
    end.

main() ->
    t("to_list", fun() -> unicode:characters_to_list(["abc", <<"déf"/utf8>>, [$g, [<<"h">>]], 1000]) end),
    t("to_list latin1", fun() -> unicode:characters_to_list(<<"d", 233, "f">>, latin1) end),
    t("to_list bad utf8", fun() -> unicode:characters_to_list(<<"ab", 255, "cd">>) end),
    t("to_list incomplete", fun() -> unicode:characters_to_list(<<"ab", 195>>) end),
    t("to_list bad cp", fun() -> unicode:characters_to_list([97, 16#110000, 98]) end),
    t("to_list atom", fun() -> unicode:characters_to_list(abc) end),
    t("to_list neg", fun() -> unicode:characters_to_list([97, -1]) end),
    t("to_binary", fun() -> unicode:characters_to_binary(["abc", 233, <<"x">>, [8364]]) end),
    t("to_binary latin1 in", fun() -> unicode:characters_to_binary(<<233>>, latin1) end),
    t("to_binary latin1 out", fun() -> unicode:characters_to_binary([97, 233], unicode, latin1) end),
    t("to_binary latin1 out bad", fun() -> unicode:characters_to_binary([97, 8364, 98], unicode, latin1) end),
    t("to_binary utf8 in", fun() -> unicode:characters_to_binary(<<"é"/utf8>>, utf8, unicode) end),
    t("to_binary bad enc", fun() -> unicode:characters_to_binary("a", foo) end),
    t("to_binary empty", fun() -> [unicode:characters_to_binary([]), unicode:characters_to_list(<<>>), unicode:characters_to_binary([[], <<>>])] end),
    t("seconds", fun() -> [timer:seconds(2), timer:minutes(2), timer:hours(1), timer:hms(1, 2, 3), timer:seconds(1.5)] end),
    t("seconds bad", fun() -> timer:seconds(a) end),
    t("now_diff", fun() -> timer:now_diff({1, 2, 3}, {0, 1, 0}) end),
    t("tc", fun() -> {T, V} = timer:tc(fun() -> lists:seq(1, 3) end), {is_integer(T), V} end),
    t("tc/2", fun() -> {_, V} = timer:tc(fun lists:reverse/1, [[1, 2]]), V end),
    t("tc/3", fun() -> {_, V} = timer:tc(lists, sum, [[1, 2]]), V end),
    t("sleep", fun() -> timer:sleep(10) end),
    Self = self(),
    {ok, _} = timer:apply_after(20, erlang, send, [Self, applied]),
    {ok, TRef} = timer:apply_after(30, erlang, send, [Self, cancelled]),
    t("cancel", fun() -> timer:cancel(TRef) end),
    {ok, _} = timer:send_after(10, Self, sent),
    {ok, _} = timer:send_after(15, sent2),
    timer:sleep(100),
    t("messages", fun() -> flush([]) end),
    ok.

flush(Acc) ->
    receive M -> flush([M | Acc]) after 0 -> lists:sort(Acc) end.
