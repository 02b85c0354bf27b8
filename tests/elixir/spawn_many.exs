parent = self()
n = 2000
for i <- 1..n do
  spawn(fn -> send(parent, {:n, i}) end)
end
total =
  Enum.reduce(1..n, 0, fn _, acc ->
    receive do
      {:n, i} -> acc + i
    end
  end)
IO.inspect(total)
IO.inspect(div(n * (n + 1), 2) == total)
pids = for _ <- 1..100, do: spawn(fn -> receive do: (:go -> :ok) end)
IO.inspect(Enum.count(pids, &Process.alive?/1))
Enum.each(pids, &send(&1, :go))
Process.sleep(50)
IO.inspect(Enum.count(pids, &Process.alive?/1))
results =
  1..20
  |> Enum.map(fn i -> Task.async(fn -> i * i end) end)
  |> Task.await_many()
  |> Enum.sum()
IO.inspect(results)
