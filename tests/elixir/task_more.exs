t = Task.async(fn -> Process.sleep(200); :slow end)
IO.inspect(Task.yield(t, 10))
IO.inspect(Task.yield(t, 1000))
t2 = Task.async(fn -> :fast end)
IO.inspect(Task.await(t2))
t3 = Task.async(fn -> Process.sleep(500) end)
IO.inspect(Task.shutdown(t3))
{:ok, pid} = Task.start(fn -> :ok end)
IO.inspect(is_pid(pid))
res =
  try do
    Task.await(Task.async(fn -> Process.sleep(300) end), 50)
  catch
    :exit, {:timeout, {Task, :await, _}} -> :timed_out
  end
IO.inspect(res)
results = 1..5 |> Enum.map(&Task.async(fn -> &1 * 10 end)) |> Enum.map(&Task.await/1)
IO.inspect(results)
parent = self()
Task.start(fn -> send(parent, :from_task) end)
receive do
  :from_task -> IO.puts("task sent a message")
end
