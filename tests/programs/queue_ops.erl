%% queue: results and the {Rear, Front} representation after each
%% operation, compared with erl's.
-module(queue_ops).
-export([main/0]).

t(Name, F) ->
    try F() of
        V -> io:format("~s: ~w~n", [Name, V])
    catch
        C:R -> io:format("~s: ~p:~p~n", [Name, C, R])
    end.

q(N) -> lists:foldl(fun queue:in/2, queue:new(), lists:seq(1, N)).
qr(N) -> lists:foldl(fun queue:in_r/2, queue:new(), lists:seq(1, N)).
fl(N) -> queue:from_list(lists:seq(1, N)).

main() ->
    io:format("~p~n", [queue:from_list([1,2,3,4,5])]),
    [t("from_list", fun() -> fl(N) end) || N <- lists:seq(0, 7)],
    [t("in", fun() -> {q(N), queue:out(q(N)), queue:out_r(q(N)), queue:peek(q(N)), queue:peek_r(q(N))} end) || N <- lists:seq(0, 7)],
    [t("in_r", fun() -> {qr(N), queue:out(qr(N)), queue:out_r(qr(N))} end) || N <- lists:seq(0, 7)],
    [t("get/drop", fun() -> {queue:get(Q), queue:get_r(Q), queue:drop(Q), queue:drop_r(Q)} end)
     || Q <- [q(1), q(2), q(5), qr(4), fl(6), {[3,2,1],[]}, {[],[1,2,3]}]],
    t("get empty", fun() -> queue:get(queue:new()) end),
    t("get_r empty", fun() -> queue:get_r(queue:new()) end),
    t("drop empty", fun() -> queue:drop(queue:new()) end),
    t("drop_r empty", fun() -> queue:drop_r(queue:new()) end),
    t("odd shapes", fun() -> [queue:out({[3,2,1],[]}), queue:out_r({[],[1,2,3]})] end),
    [t("filter", fun() -> queue:filter(fun(X) -> X rem 2 == 0 end, q(N)) end) || N <- lists:seq(0, 7)],
    [t("filter dup", fun() -> queue:filter(fun(X) -> [X, X] end, q(N)) end) || N <- lists:seq(0, 4)],
    t("filter front", fun() -> queue:filter(fun(X) -> X > 3 end, {[5,4],[1,2,3]}) end),
    [t("filtermap", fun() -> queue:filtermap(fun(X) when X > 3 -> {true, -X}; (X) -> X > 2 end, q(N)) end) || N <- lists:seq(0, 5)],
    [t("reverse", fun() -> queue:reverse(q(N)) end) || N <- lists:seq(0, 3)],
    [t("join", fun() -> {queue:join(q(N), qr(2)), queue:join(queue:new(), q(N)), queue:join(q(N), queue:new())} end) || N <- lists:seq(0, 3)],
    [t("split q6", fun() -> queue:split(N, q(6)) end) || N <- lists:seq(0, 6)],
    [t("split fl6", fun() -> queue:split(N, fl(6)) end) || N <- lists:seq(0, 6)],
    t("split odd", fun() -> [queue:split(1, {[],[1,2,3]}), queue:split(2, {[3,2,1],[]}), queue:split(2, {[],[1,2,3]})] end),
    t("split too far", fun() -> queue:split(7, q(6)) end),
    t("split neg", fun() -> queue:split(-1, q(6)) end),
    [t("delete", fun() -> {queue:delete(N, q(5)), queue:delete_r(N, q(5)), queue:delete(N, fl(5))} end) || N <- lists:seq(0, 5)],
    t("delete rear", fun() -> queue:delete(5, {[5],[1,2,3,4]}) end),
    t("delete dups", fun() -> {queue:delete(2, queue:from_list([1,2,3,2,1])), queue:delete_r(2, queue:from_list([1,2,3,2,1]))} end),
    [t("delete_with", fun() -> queue:delete_with(fun(X) -> X == N end, fl(5)) end) || N <- lists:seq(0, 5)],
    [t("delete_with_r", fun() -> queue:delete_with_r(fun(X) -> X == N end, fl(5)) end) || N <- lists:seq(0, 5)],
    [t("liat/tail", fun() -> {queue:liat(q(N)), queue:tail(q(N)), queue:init(q(N)), queue:lait(q(N))} end) || N <- lists:seq(1, 4)],
    t("liat empty", fun() -> queue:liat(queue:new()) end),
    t("head/last", fun() -> {queue:head(q(3)), queue:last(q(3)), queue:daeh(q(3))} end),
    t("cons/snoc", fun() -> {queue:cons(0, q(2)), queue:snoc(q(2), 9), queue:cons(0, queue:new()), queue:snoc(queue:new(), 9)} end),
    t("len/member", fun() -> {queue:len(q(5)), queue:member(3, q(5)), queue:member(9, q(5)), queue:is_empty(q(0)), queue:is_empty(q(1))} end),
    t("to_list", fun() -> [queue:to_list(q(5)), queue:to_list(qr(5)), queue:to_list(fl(5))] end),
    t("fold", fun() -> queue:fold(fun(X, A) -> [X | A] end, [], q(5)) end),
    t("any/all", fun() -> [queue:any(fun(X) -> X > 4 end, q(5)), queue:all(fun(X) -> X > 4 end, q(5))] end),
    t("is_queue", fun() -> [queue:is_queue(q(2)), queue:is_queue({a, []}), queue:is_queue(x)] end),
    t("len bad", fun() -> queue:len(x) end),
    t("out bad", fun() -> queue:out(x) end),
    t("in bad", fun() -> queue:in(1, x) end),
    t("is_empty bad", fun() -> queue:is_empty(x) end),
    t("from_list bad", fun() -> queue:from_list(x) end),
    t("filter bad", fun() -> queue:filter(x, q(1)) end),
    %% A longer mixed sequence.
    Ops = lists:foldl(
            fun(I, Q) ->
                    case I rem 5 of
                        0 -> {_, Q1} = queue:out(Q), Q1;
                        1 -> queue:in_r(I, Q);
                        3 -> {_, Q1} = queue:out_r(Q), Q1;
                        _ -> queue:in(I, Q)
                    end
            end, queue:new(), lists:seq(1, 40)),
    io:format("~w ~w~n", [Ops, queue:to_list(Ops)]),
    ok.
