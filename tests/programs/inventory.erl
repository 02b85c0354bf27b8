%% A small stateful simulation: a gb_trees stock, a queue of orders, an
%% ordsets of backordered items, a proplists config; prints the state.
-module(inventory).
-export([main/0]).

config() -> [{restock, 5}, verbose, {max_queue, 4}].

main() ->
    Stock0 = gb_trees:from_orddict([{apple, 3}, {banana, 0}, {cherry, 10}, {date, 2}]),
    Orders = queue:from_list([{1, apple, 2}, {2, banana, 1}, {3, cherry, 4}, {4, apple, 2}, {5, date, 1}, {6, fig, 1}]),
    {Stock, Back, Log} = process(Orders, Stock0, ordsets:new(), []),
    io:format("log: ~p~n", [lists:reverse(Log)]),
    io:format("stock: ~p~n", [gb_trees:to_list(Stock)]),
    io:format("tree: ~w~n", [Stock]),
    io:format("backordered: ~p~n", [Back]),
    Restock = proplists:get_value(restock, config()),
    Stock2 = lists:foldl(fun(Item, S) -> gb_trees:enter(Item, Restock, S) end, Stock, Back),
    io:format("restocked: ~p~n", [gb_trees:to_list(Stock2)]),
    io:format("verbose: ~p, max_queue: ~p, missing: ~p~n",
              [proplists:get_bool(verbose, config()), proplists:get_value(max_queue, config()),
               proplists:get_value(missing, config(), none)]),
    Low = [K || {K, V} <- gb_trees:to_list(Stock2), V < 3],
    io:format("low: ~p~n", [Low]),
    Q = lists:foldl(fun queue:in/2, queue:new(), [a, b, c]),
    {{value, First}, Q2} = queue:out(Q),
    io:format("queue: ~w first: ~p rest: ~p~n", [Q, First, queue:to_list(Q2)]),
    D = orddict:from_list([{K, V * 2} || {K, V} <- gb_trees:to_list(Stock2)]),
    io:format("doubled: ~p~n", [orddict:to_list(orddict:update_counter(apple, 100, D))]),
    ok.

process(Orders, Stock, Back, Log) ->
    case queue:out(Orders) of
        {empty, _} -> {Stock, Back, Log};
        {{value, {Id, Item, N}}, Rest} ->
            case gb_trees:lookup(Item, Stock) of
                {value, Have} when Have >= N ->
                    process(Rest, gb_trees:update(Item, Have - N, Stock), Back, [{Id, shipped} | Log]);
                {value, _} ->
                    process(Rest, Stock, ordsets:add_element(Item, Back), [{Id, backordered} | Log]);
                none ->
                    process(Rest, Stock, Back, [{Id, {unknown, Item}} | Log])
            end
    end.
