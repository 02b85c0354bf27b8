# A game whose rules are a Lua script: every player is a process holding
# its own Lua state (as Luerl hosts Lua on the BEAM); the game master sends
# each event to the player's process, whose Lua rules score it.
defmodule LuaRules do
  @rules """
  local score = 0
  local points = {gem = 10, coin = 1, trap = -5}
  function on_event(player, event, count)
    local delta = (points[event] or 0) * count
    if event == 'coin' and count >= 10 then delta = delta + 5 end
    score = math.max(score + delta, 0)
    return score, string.format('%s: %s x%d -> %+d', player, event, count, delta)
  end
  """

  @events [
    {"ada", "coin", 3}, {"bob", "gem", 1}, {"cy", "trap", 1},
    {"ada", "coin", 12}, {"bob", "trap", 2}, {"cy", "gem", 2},
    {"ada", "dragon", 1}
  ]

  def main do
    players = for name <- ["ada", "bob", "cy"], into: %{}, do: {name, spawn(fn -> player(name) end)}

    final =
      Enum.reduce(@events, %{}, fn {name, event, count}, scores ->
        pid = players[name]
        send(pid, {:event, self(), event, count})

        receive do
          {^pid, score, line} ->
            IO.puts("#{line} (score #{score})")
            Map.put(scores, name, score)
        end
      end)

    final
    |> Enum.sort_by(fn {name, score} -> {-score, name} end)
    |> Enum.with_index(1)
    |> Enum.each(fn {{name, score}, i} -> IO.puts("#{i}. #{name} #{score}") end)

    for {_, pid} <- players, do: send(pid, :stop)
  end

  # A player: one Lua state, loaded with the rules once, kept across events.
  defp player(name) do
    {:ok, _, st} = :luerl.do(@rules, :luerl.init())
    loop(name, st)
  end

  defp loop(name, st) do
    receive do
      {:event, from, event, count} ->
        {:ok, [score, line], st} = :luerl.call_function_dec([:on_event], [name, event, count], st)
        send(from, {self(), trunc(score), line})
        loop(name, st)

      :stop ->
        :ok
    end
  end
end

LuaRules.main()
