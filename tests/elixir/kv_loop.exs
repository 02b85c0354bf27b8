defmodule KV do
  def start, do: spawn(fn -> loop(%{}) end)

  def loop(state) do
    receive do
      {:set, key, value} ->
        loop(Map.put(state, key, value))
      {:get, key, from} ->
        send(from, {:reply, Map.get(state, key)})
        loop(state)
      {:stop, from} ->
        send(from, :stopped)
        # no recursive call: the process ends, its mailbox and heap reclaimed.
    end
  end
end

pid = KV.start()
send(pid, {:set, :a, 1})
send(pid, {:set, :b, 2})
send(pid, {:get, :a, self()})
receive do
  {:reply, value} -> IO.inspect({:ok, value})
end
send(pid, {:get, :zzz, self()})
receive do
  {:reply, value} -> IO.inspect({:ok, value})
after
  1000 -> IO.puts("timeout")
end
send(pid, {:stop, self()})
receive do
  :stopped -> IO.puts("stopped")
end
receive do
  {:reply, value} -> {:ok, value}
after
  100 -> IO.puts("nothing else")
end
