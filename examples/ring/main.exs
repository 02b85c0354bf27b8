# A ring of 1000 processes: a token travels round it 100 times, each hop
# adding one, then every process is told to stop.
defmodule Ring do
  @size 1000
  @rounds 100

  def run do
    next = build(@size - 1, self())
    send(next, {:token, 0})
    total = relay(next, @rounds)
    IO.puts("token after #{@rounds} rounds of #{@size} processes: #{total}")
    send(next, :stop)

    receive do
      :stop -> IO.puts("ring stopped")
    end
  end

  # Each new process forwards to the one spawned before it; the last spawned
  # is the start of the ring, and the first forwards back to us.
  defp build(0, next), do: next
  defp build(n, next), do: build(n - 1, spawn(fn -> hop(next) end))

  defp hop(next) do
    receive do
      {:token, t} ->
        send(next, {:token, t + 1})
        hop(next)

      :stop ->
        send(next, :stop)
    end
  end

  defp relay(_next, 1) do
    receive do
      {:token, t} -> t + 1
    end
  end

  defp relay(next, rounds) do
    receive do
      {:token, t} -> send(next, {:token, t + 1})
    end

    relay(next, rounds - 1)
  end
end

Ring.run()
