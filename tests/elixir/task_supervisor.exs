{:ok, sup} = Task.Supervisor.start_link(name: MyTasks)
IO.inspect(is_pid(sup))
t = Task.Supervisor.async(MyTasks, fn -> 6 * 7 end)
IO.inspect(Task.await(t))
t2 = Task.Supervisor.async_nolink(MyTasks, fn -> exit({:shutdown, :boom}) end)
case Task.yield(t2, 1000) do
  {:exit, reason} -> IO.inspect(reason, label: "task exited")
  other -> IO.inspect(other)
end
{:ok, pid} = Task.Supervisor.start_child(MyTasks, fn -> :ok end)
IO.inspect(is_pid(pid))
r = Task.Supervisor.async_stream(MyTasks, 1..4, &(&1 * 2)) |> Enum.map(fn {:ok, v} -> v end)
IO.inspect(r)
IO.puts("still alive")
