defmodule PingPong do
  def ping(0, pong), do: send(pong, :done)
  def ping(n, pong) do
    send(pong, {:ping, self()})
    receive do
      :pong -> ping(n - 1, pong)
    end
  end

  def pong(count) do
    receive do
      {:ping, from} ->
        send(from, :pong)
        pong(count + 1)
      :done ->
        IO.puts("pong received #{count} pings")
    end
  end
end

pong = spawn(fn -> PingPong.pong(0) end)
ref = Process.monitor(pong)
PingPong.ping(1000, pong)
receive do
  {:DOWN, ^ref, :process, _, :normal} -> IO.puts("pong finished")
end

defmodule Ring do
  def start(n, rounds) do
    first = self()
    last = Enum.reduce(1..n, first, fn _, next -> spawn(fn -> relay(next) end) end)
    send(last, {:token, rounds * n})
    receive do
      {:token, left} -> left
    end
  end

  defp relay(next) do
    receive do
      {:token, 0} = t -> send(next, t)
      {:token, k} -> send(next, {:token, k - 1}); relay(next)
    end
  end
end

IO.inspect(Ring.start(10, 1))
