# Two processes bat a counter back and forth; the first rounds are traced,
# then 100,000 silent round trips show the message rate is no problem.
defmodule PingPong do
  def ping(_pong, 0, _trace), do: :ok

  def ping(pong, n, trace) do
    send(pong, {:ping, self(), n})

    receive do
      {:pong, ^n} when trace -> IO.puts("ping got pong #{n}")
      {:pong, ^n} -> :ok
    end

    ping(pong, n - 1, trace)
  end

  def pong do
    receive do
      {:ping, from, n} ->
        send(from, {:pong, n})
        pong()

      {:stop, from} ->
        IO.puts("pong stopping")
        send(from, :stopped)
    end
  end
end

pong = spawn(&PingPong.pong/0)
PingPong.ping(pong, 3, true)
PingPong.ping(pong, 100_000, false)
send(pong, {:stop, self()})

receive do
  :stopped -> IO.puts("done")
end
