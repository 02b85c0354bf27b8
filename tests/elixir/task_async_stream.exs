results =
  1..8
  |> Task.async_stream(fn x -> x * x end)
  |> Enum.map(fn {:ok, v} -> v end)
IO.inspect(results)
s = Task.async_stream([3, 1, 2], fn x -> Process.sleep(x * 10); x end, max_concurrency: 2)
IO.inspect(Enum.to_list(s))
IO.inspect(Task.async_stream(1..4, fn x -> x + 1 end) |> Enum.reduce(0, fn {:ok, v}, acc -> v + acc end))
defmodule Work do
  def slow_double(x), do: x * 2
end
IO.inspect(Task.async_stream([1, 2, 3], Work, :slow_double, []) |> Enum.to_list())
t = Task.async(fn -> Enum.sum(1..100) end)
IO.inspect(Task.await(t))
tasks = for i <- 1..3, do: Task.async(fn -> i * 100 end)
IO.inspect(Task.await_many(tasks))
