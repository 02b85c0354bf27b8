%% The queue module: OTP 25's API and its visible representation, a tuple
%% {Rear, Front} of two lists (the queue is Front ++ reverse(Rear)). When an
%% operation empties one side the other is split between both the way erl
%% does it (checked against erl operation by operation), so ~p prints the
%% same tuples. Our own code; bad queues raise badarg, an empty queue
%% `empty` for get/drop/head/tail and their reverse variants.
-module(queue).
-export([new/0, is_queue/1, is_empty/1, len/1, to_list/1, from_list/1,
         member/2, in/2, in_r/2, out/1, out_r/1, get/1, get_r/1, peek/1,
         peek_r/1, drop/1, drop_r/1, reverse/1, join/2, split/2, filter/2,
         filtermap/2, fold/3, any/2, all/2, delete/2, delete_r/2,
         delete_with/2, delete_with_r/2, cons/2, head/1, tail/1, snoc/2,
         daeh/1, last/1, liat/1, lait/1, init/1]).

new() -> {[], []}.

is_queue({R, F}) when is_list(R), is_list(F) -> true;
is_queue(_) -> false.

is_empty({[], []}) -> true;
is_empty({R, F}) when is_list(R), is_list(F) -> false;
is_empty(Q) -> erlang:error(badarg, [Q]).

len({R, F}) when is_list(R), is_list(F) -> length(R) + length(F);
len(Q) -> erlang:error(badarg, [Q]).

to_list({R, F}) when is_list(R), is_list(F) -> F ++ lists:reverse(R);
to_list(Q) -> erlang:error(badarg, [Q]).

%% from_list: the first half (rounded down) in front, the rest in the rear.
from_list(L) when is_list(L) ->
    {F, Rest} = take(length(L) div 2, L, []),
    {lists:reverse(Rest), F};
from_list(L) -> erlang:error(badarg, [L]).

take(0, L, Acc) -> {lists:reverse(Acc), L};
take(N, [H | T], Acc) -> take(N - 1, T, [H | Acc]).

%% The rear list R (newest first) as a queue: the older half, rounded up,
%% moves to the front.
rear_to_queue([]) -> {[], []};
rear_to_queue(R) ->
    Order = lists:reverse(R),
    K = length(Order),
    {F, Back} = take(K - K div 2, Order, []),
    {lists:reverse(Back), F}.

%% The front list F as a queue: the newer half, rounded up, moves to the rear.
front_to_queue([]) -> {[], []};
front_to_queue(F) ->
    K = length(F),
    {F1, Back} = take(K div 2, F, []),
    {lists:reverse(Back), F1}.

member(X, {R, F}) when is_list(R), is_list(F) ->
    lists:member(X, R) orelse lists:member(X, F);
member(X, Q) -> erlang:error(badarg, [X, Q]).

in(X, {[_] = R, []}) -> {[X], R};
in(X, {R, F}) when is_list(R), is_list(F) -> {[X | R], F};
in(X, Q) -> erlang:error(badarg, [X, Q]).

in_r(X, {[], [_] = F}) -> {F, [X]};
in_r(X, {R, F}) when is_list(R), is_list(F) -> {R, [X | F]};
in_r(X, Q) -> erlang:error(badarg, [X, Q]).

out({[], []} = Q) -> {empty, Q};
out({[V], []}) -> {{value, V}, {[], []}};
out({R, []}) when is_list(R) ->
    [V | Rest] = lists:reverse(R),
    {{value, V}, rear_to_queue(lists:reverse(Rest))};
out({R, [V]}) when is_list(R) -> {{value, V}, rear_to_queue(R)};
out({R, [V | F]}) when is_list(R) -> {{value, V}, {R, F}};
out(Q) -> erlang:error(badarg, [Q]).

out_r({[], []} = Q) -> {empty, Q};
out_r({[], [V]}) -> {{value, V}, {[], []}};
out_r({[], F}) when is_list(F) ->
    [V | Rest] = lists:reverse(F),
    {{value, V}, front_to_queue(lists:reverse(Rest))};
out_r({[V], F}) when is_list(F) -> {{value, V}, front_to_queue(F)};
out_r({[V | R], F}) when is_list(F) -> {{value, V}, {R, F}};
out_r(Q) -> erlang:error(badarg, [Q]).

get({[], []} = Q) -> erlang:error(empty, [Q]);
get({R, F}) when is_list(R), is_list(F) -> get(R, F);
get(Q) -> erlang:error(badarg, [Q]).

get(R, [H | _]) when is_list(R) -> H;
get([H], []) -> H;
get([_ | R], []) -> lists:last(R).

get_r({[], []} = Q) -> erlang:error(empty, [Q]);
get_r({[H | _], F}) when is_list(F) -> H;
get_r({[], [H]}) -> H;
get_r({[], [_ | F]}) -> lists:last(F);
get_r(Q) -> erlang:error(badarg, [Q]).

peek({[], []}) -> empty;
peek({R, F}) when is_list(R), is_list(F) -> {value, get(R, F)};
peek(Q) -> erlang:error(badarg, [Q]).

peek_r({[], []}) -> empty;
peek_r({R, F} = Q) when is_list(R), is_list(F) -> {value, get_r(Q)};
peek_r(Q) -> erlang:error(badarg, [Q]).

drop({[], []} = Q) -> erlang:error(empty, [Q]);
drop({R, F} = Q) when is_list(R), is_list(F) ->
    {_, Q1} = out(Q),
    Q1;
drop(Q) -> erlang:error(badarg, [Q]).

drop_r({[], []} = Q) -> erlang:error(empty, [Q]);
drop_r({R, F} = Q) when is_list(R), is_list(F) ->
    {_, Q1} = out_r(Q),
    Q1;
drop_r(Q) -> erlang:error(badarg, [Q]).

reverse({R, F}) when is_list(R), is_list(F) -> {F, R};
reverse(Q) -> erlang:error(badarg, [Q]).

join({R, F} = Q, {[], []}) when is_list(R), is_list(F) -> Q;
join({[], []}, {R, F} = Q) when is_list(R), is_list(F) -> Q;
join({R1, F1}, {R2, F2}) when is_list(R1), is_list(F1), is_list(R2), is_list(F2) ->
    {R2, F1 ++ lists:reverse(R1, F2)};
join(Q1, Q2) -> erlang:error(badarg, [Q1, Q2]).

%% split(N, Q): the first N elements and the rest, shaped as erl shapes them.
split(0, {R, F} = Q) when is_list(R), is_list(F) -> {{[], []}, Q};
split(N, {R, F} = Q) when is_integer(N), N >= 1, is_list(R), is_list(F) ->
    Lf = length(F),
    Len = Lf + length(R),
    if
        N > Len -> erlang:error(badarg, [N, Q]);
        N < Lf ->
            {[H | T], F2} = take(N, F, []),
            {{lists:reverse(T), [H]}, {R, F2}};
        N =:= Lf ->
            {front_to_queue(F), rear_to_queue(R)};
        true ->
            {R1, R2} = take(Len - N, R, []),
            Rest = case R1 of
                       [] -> {[], []};
                       [H | T] -> {[H], lists:reverse(T)}
                   end,
            {{R2, F}, Rest}
    end;
split(N, Q) -> erlang:error(badarg, [N, Q]).

%% A queue from filtered sides: an emptied side is refilled from the other.
rebuild([], []) -> {[], []};
rebuild(R, []) -> rear_to_queue(R);
rebuild([], F) -> front_to_queue(F);
rebuild(R, F) -> {R, F}.

%% filter/2: Fun returns true, false or a list of replacement elements.
filter(Fun, {R, F}) when is_function(Fun, 1), is_list(R), is_list(F) ->
    F1 = lists:flatmap(fun(X) -> filter_item(Fun, X, Fun(X)) end, F),
    R1 = lists:flatmap(fun(X) -> lists:reverse(filter_item(Fun, X, Fun(X))) end,
                       lists:reverse(R)),
    rebuild(lists:reverse(R1), F1);
filter(Fun, Q) -> erlang:error(badarg, [Fun, Q]).

filter_item(_, X, true) -> [X];
filter_item(_, _, false) -> [];
filter_item(_, _, L) when is_list(L) -> L.

filtermap(Fun, {R, F}) when is_function(Fun, 1), is_list(R), is_list(F) ->
    rebuild(lists:reverse(lists:filtermap(Fun, lists:reverse(R))),
            lists:filtermap(Fun, F));
filtermap(Fun, Q) -> erlang:error(badarg, [Fun, Q]).

fold(Fun, Acc, {R, F}) when is_function(Fun, 2), is_list(R), is_list(F) ->
    lists:foldr(Fun, lists:foldl(Fun, Acc, F), R);
fold(Fun, Acc, Q) -> erlang:error(badarg, [Fun, Acc, Q]).

any(Pred, {R, F}) when is_function(Pred, 1), is_list(R), is_list(F) ->
    lists:any(Pred, F) orelse lists:any(Pred, R);
any(Pred, Q) -> erlang:error(badarg, [Pred, Q]).

all(Pred, {R, F}) when is_function(Pred, 1), is_list(R), is_list(F) ->
    lists:all(Pred, F) andalso lists:all(Pred, R);
all(Pred, Q) -> erlang:error(badarg, [Pred, Q]).

delete(X, Q) -> delete_with(fun(Y) -> Y =:= X end, Q).

delete_r(X, Q) -> delete_with_r(fun(Y) -> Y =:= X end, Q).

%% The first element (from the front) for which Pred holds goes.
delete_with(Pred, {R, F}) when is_function(Pred, 1), is_list(R), is_list(F) ->
    case delete_first(Pred, F) of
        {ok, F1} -> rebuild(R, F1);
        none ->
            case delete_first(Pred, lists:reverse(R)) of
                {ok, R1} -> rebuild(lists:reverse(R1), F);
                none -> {R, F}
            end
    end;
delete_with(Pred, Q) -> erlang:error(badarg, [Pred, Q]).

%% The last element for which Pred holds goes.
delete_with_r(Pred, {R, F}) when is_function(Pred, 1), is_list(R), is_list(F) ->
    case delete_first(Pred, R) of
        {ok, R1} -> rebuild(R1, F);
        none ->
            case delete_first(Pred, lists:reverse(F)) of
                {ok, F1} -> rebuild(R, lists:reverse(F1));
                none -> {R, F}
            end
    end;
delete_with_r(Pred, Q) -> erlang:error(badarg, [Pred, Q]).

delete_first(Pred, L) -> delete_first(Pred, L, []).

delete_first(Pred, [H | T], Acc) ->
    case Pred(H) of
        true -> {ok, lists:reverse(Acc, T)};
        false -> delete_first(Pred, T, [H | Acc])
    end;
delete_first(_, [], _) -> none.

%% The Okasaki API.
cons(X, Q) -> in_r(X, Q).
head(Q) -> get(Q).
tail(Q) -> drop(Q).
snoc(Q, X) -> in(X, Q).
daeh(Q) -> get_r(Q).
last(Q) -> get_r(Q).
liat(Q) -> drop_r(Q).
lait(Q) -> drop_r(Q).
init(Q) -> drop_r(Q).
