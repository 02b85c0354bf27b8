send(self(), {:low, 1})
send(self(), {:high, 2})
send(self(), {:low, 3})
send(self(), {:high, 4})
high = for _ <- 1..2 do
  receive do
    {:high, x} -> x
  end
end
IO.inspect(high)
low = for _ <- 1..2 do
  receive do
    {:low, x} -> x
  end
end
IO.inspect(low)
r = receive do
  :nothing -> :got
after
  0 -> :empty
end
IO.inspect(r)
send(self(), :a)
send(self(), :b)
IO.inspect(Process.info(self(), :message_queue_len))
defmodule Flush do
  def all(acc \\ []) do
    receive do
      m -> all([m | acc])
    after
      0 -> Enum.reverse(acc)
    end
  end
end
IO.inspect(Flush.all())
pid = spawn(fn ->
  receive do
    {:add, a, b, from} -> send(from, {:sum, a + b})
  end
end)
send(pid, {:add, 2, 3, self()})
receive do
  {:sum, s} -> IO.inspect(s)
after
  1000 -> IO.puts("timeout")
end
