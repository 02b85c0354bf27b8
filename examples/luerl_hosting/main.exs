# Hosted Lua from Elixir: one process per Lua state, each runs a chunk with
# :luerl.do, the parent collects the results (Luerl's encoding).
chunks = [
  "local function fib(n) if n < 2 then return n end return fib(n-1) + fib(n-2) end return fib(20)",
  "return 7 // 2, 7 / 2, 2^10, math.maxinteger + 1",
  "local s = {} for w in string.gmatch('one two three', '%a+') do s[#s+1] = w:upper() end return table.concat(s, ',')",
  "local co = coroutine.wrap(function() for i = 1, 3 do coroutine.yield(i * i) end end) return co(), co(), co()",
  "local t = setmetatable({}, {__index = function(_, k) return k * 2 end}) return t[21], #'hello', 10 % -3",
  "print('printed from a Lua state') return nil, true, 'done'",
  "error('bad chunk')"
]

parent = self()

pids =
  chunks
  |> Enum.with_index(1)
  |> Enum.map(fn {chunk, i} ->
    spawn(fn ->
      reply =
        case :luerl.do(chunk, :luerl.init()) do
          {:ok, results, _state} -> {:ok, results}
          {:lua_error, reason, _state} -> {:lua_error, reason}
        end

      send(parent, {self(), i, reply})
    end)
  end)

results =
  for pid <- pids do
    receive do
      {^pid, i, reply} -> {i, reply}
    end
  end

for {i, reply} <- results, do: :io.format("~p: ~p~n", [i, reply])
