defmodule KV do
  def start, do: spawn(fn -> loop(%{}) end)

  def put(pid, k, v), do: send(pid, {:put, k, v})
  def get(pid, k) do
    send(pid, {:get, k, self()})
    receive do
      {:value, v} -> v
    end
  end
  def keys(pid) do
    send(pid, {:keys, self()})
    receive do
      {:keys, ks} -> ks
    end
  end

  defp loop(state) do
    receive do
      {:put, k, v} -> loop(Map.put(state, k, v))
      {:get, k, from} ->
        send(from, {:value, Map.get(state, k)})
        loop(state)
      {:keys, from} ->
        send(from, {:keys, Map.keys(state) |> Enum.sort()})
        loop(state)
      :stop -> :ok
    end
  end
end

kv = KV.start()
KV.put(kv, :a, 1)
KV.put(kv, :b, [2, 3])
KV.put(kv, "c", %{d: 4})
IO.inspect(KV.get(kv, :a))
IO.inspect(KV.get(kv, :b))
IO.inspect(KV.get(kv, "c"))
IO.inspect(KV.get(kv, :missing))
IO.inspect(KV.keys(kv))
send(kv, :stop)
