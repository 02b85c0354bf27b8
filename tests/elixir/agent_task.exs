{:ok, a} = Agent.start_link(fn -> %{} end)
IO.inspect(Agent.get(a, fn m -> m end))
:ok = Agent.update(a, fn m -> Map.put(m, :x, 1) end)
IO.inspect(Agent.get(a, & &1))
IO.inspect(Agent.get_and_update(a, fn m -> {Map.get(m, :x), Map.put(m, :x, 2)} end))
Agent.cast(a, fn m -> Map.put(m, :y, 3) end)
IO.inspect(Agent.get(a, fn m -> m end))
IO.inspect(Agent.stop(a))
IO.inspect(Process.alive?(a))

{:ok, _} = Agent.start_link(fn -> 0 end, name: :counter)
for _ <- 1..5, do: Agent.update(:counter, &(&1 + 1))
IO.inspect(Agent.get(:counter, & &1))

defmodule Counter do
  use Agent
  def start_link(initial), do: Agent.start_link(fn -> initial end, name: __MODULE__)
  def value, do: Agent.get(__MODULE__, & &1)
  def increment, do: Agent.update(__MODULE__, &(&1 + 1))
end

{:ok, _} = Counter.start_link(10)
Counter.increment()
IO.inspect(Counter.value())
IO.inspect(Counter.child_spec(3))

t = Task.async(fn -> 1 + 1 end)
IO.inspect(Task.await(t))
tasks = Enum.map(1..5, fn i -> Task.async(fn -> i * i end) end)
IO.inspect(Enum.map(tasks, &Task.await/1))
IO.inspect(Task.await_many([Task.async(fn -> :a end), Task.async(fn -> :b end)]))
slow = Task.async(fn -> Process.sleep(200); :slow end)
r = try do
  Task.await(slow, 10)
catch
  :exit, {reason, {Task, :await, _}} -> reason
end
IO.inspect(r)
IO.inspect(Task.yield(Task.async(fn -> :y end), 100))
IO.inspect(Task.yield(Task.async(fn -> Process.sleep(100) end), 5))
parent = self()
{:ok, pid} = Task.start(fn -> send(parent, {:started, :done}) end)
IO.inspect(is_pid(pid))
receive do
  {:started, x} -> IO.inspect(x)
end
IO.inspect(1..4 |> Task.async_stream(fn x -> x * 10 end) |> Enum.to_list())
IO.inspect(Task.async_stream([3, 1, 2], fn x -> Process.sleep(x * 5); x end, max_concurrency: 2) |> Enum.map(fn {:ok, v} -> v end))
IO.inspect(Enum.sum(Enum.map(Task.async_stream(1..10, &(&1 * 2)), fn {:ok, v} -> v end)))
