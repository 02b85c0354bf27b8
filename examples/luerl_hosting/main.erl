%% Hosted Lua: one process per Lua state, each runs a chunk with luerl:do,
%% the parent collects the results (Luerl's encoding, Lua 5.4 semantics).
-module(main).
-export([main/0]).

chunks() ->
    [<<"local function fib(n) if n < 2 then return n end return fib(n-1) + fib(n-2) end return fib(20)">>,
     <<"return 7 // 2, 7 / 2, 2^10, math.maxinteger + 1">>,
     <<"local s = {} for w in string.gmatch('one two three', '%a+') do s[#s+1] = w:upper() end return table.concat(s, ',')">>,
     <<"local co = coroutine.wrap(function() for i = 1, 3 do coroutine.yield(i * i) end end) return co(), co(), co()">>,
     <<"local t = setmetatable({}, {__index = function(_, k) return k * 2 end}) return t[21], #'hello', 10 % -3">>,
     <<"print('printed from a Lua state') return nil, true, 'done'">>,
     <<"error('bad chunk')">>].

main() ->
    Parent = self(),
    Pids = [spawn(fun() -> run(Parent, I, C) end)
            || {I, C} <- lists:zip(lists:seq(1, length(chunks())), chunks())],
    Results = [receive {Pid, I, R} -> {I, R} end || Pid <- Pids, I <- [index(Pid, Pids)]],
    [io:format("~p: ~p~n", [I, R]) || {I, R} <- Results],
    ok.

index(Pid, Pids) -> index(Pid, Pids, 1).
index(Pid, [Pid | _], N) -> N;
index(Pid, [_ | T], N) -> index(Pid, T, N + 1).

run(Parent, I, Chunk) ->
    St0 = luerl:init(),
    Reply = case luerl:do(Chunk, St0) of
                {ok, Results, _St1} -> {ok, Results};
                {lua_error, Reason, _St1} -> {lua_error, Reason}
            end,
    Parent ! {self(), I, Reply}.
