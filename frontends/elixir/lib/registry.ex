defmodule Registry do
  # A registry process (a GenServer of our library) holding key → [{pid,
  # value}]; registered processes are monitored and dropped when they exit.
  # Lookups are calls to the registry process (Elixir reads an ETS table).
  # Supported: keys: :unique | :duplicate, register, unregister, lookup,
  # keys, values, count, dispatch, update_value, and {:via, Registry,
  # {registry, key}} names. Not yet: partitions, match specs, listeners.

  def start_link(opts) do
    keys = Keyword.fetch!(opts, :keys)
    name = Keyword.fetch!(opts, :name)
    GenServer.start_link(Registry, keys, name: name)
  end

  def child_spec(opts) do
    %{id: Keyword.get(opts, :name, Registry), start: {Registry, :start_link, [opts]}, type: :supervisor}
  end

  def register(reg, key, value), do: GenServer.call(reg, {:register, key, self(), value})
  def unregister(reg, key), do: GenServer.call(reg, {:unregister, key, self()})
  def lookup(reg, key), do: GenServer.call(reg, {:lookup, key})
  def keys(reg, pid), do: GenServer.call(reg, {:keys, pid})
  def values(reg, key, pid), do: for({^pid, v} <- lookup(reg, key), do: v)
  def count(reg), do: GenServer.call(reg, :count)
  def update_value(reg, key, fun), do: GenServer.call(reg, {:update, key, self(), fun})

  def dispatch(reg, key, fun, _opts \\ []) do
    case lookup(reg, key) do
      [] -> :ok
      entries ->
        fun.(entries)
        :ok
    end
  end

  # The :via callbacks.
  def register_name({reg, key}, pid) do
    case GenServer.call(reg, {:register, key, pid, nil}) do
      {:ok, _} -> :yes
      _ -> :no
    end
  end

  def unregister_name({reg, key}), do: GenServer.call(reg, {:unregister_key, key})

  def whereis_name({reg, key}) do
    case lookup(reg, key) do
      [{pid, _} | _] -> pid
      [] -> :undefined
    end
  end

  def send({reg, key} = name, msg) do
    case whereis_name(name) do
      :undefined -> :erlang.error({:badarg, {name, msg}})
      pid -> Kernel.send(pid, msg)
    end
  end

  # Server side.
  def init(kind), do: {:ok, %{kind: kind, entries: %{}, monitored: %{}}}

  def handle_call({:register, key, pid, value}, _from, s) do
    existing = Map.get(s.entries, key, [])
    if s.kind == :unique and existing != [] do
      {:reply, {:error, {:already_registered, elem(hd(existing), 0)}}, s}
    else
      s = monitor(s, pid)
      {:reply, {:ok, self()}, %{s | entries: Map.put(s.entries, key, existing ++ [{pid, value}])}}
    end
  end

  def handle_call({:unregister, key, pid}, _from, s) do
    left = for {p, _} = e <- Map.get(s.entries, key, []), p != pid, do: e
    {:reply, :ok, %{s | entries: put_or_drop(s.entries, key, left)}}
  end

  def handle_call({:unregister_key, key}, _from, s) do
    {:reply, :ok, %{s | entries: Map.delete(s.entries, key)}}
  end

  def handle_call({:lookup, key}, _from, s), do: {:reply, Map.get(s.entries, key, []), s}

  def handle_call({:keys, pid}, _from, s) do
    keys = for {k, es} <- s.entries, Enum.any?(es, fn {p, _} -> p == pid end), do: k
    {:reply, keys, s}
  end

  def handle_call(:count, _from, s) do
    {:reply, Enum.reduce(s.entries, 0, fn {_, es}, acc -> acc + length(es) end), s}
  end

  def handle_call({:update, key, pid, fun}, _from, s) do
    case Enum.find(Map.get(s.entries, key, []), fn {p, _} -> p == pid end) do
      nil -> {:reply, :error, s}
      {_, old} ->
        new = fun.(old)
        es = for {p, v} <- s.entries[key], do: if(p == pid, do: {p, new}, else: {p, v})
        {:reply, {new, old}, %{s | entries: Map.put(s.entries, key, es)}}
    end
  end

  def handle_cast(_msg, s), do: {:noreply, s}

  def handle_info({:DOWN, _ref, :process, pid, _reason}, s) do
    entries =
      Enum.reduce(s.entries, %{}, fn {k, es}, acc ->
        put_or_drop(acc, k, for({p, _} = e <- es, p != pid, do: e))
      end)
    {:noreply, %{s | entries: entries, monitored: Map.delete(s.monitored, pid)}}
  end

  def handle_info(_msg, s), do: {:noreply, s}

  def terminate(_reason, _s), do: :ok

  defp monitor(s, pid) do
    if Map.has_key?(s.monitored, pid) do
      s
    else
      %{s | monitored: Map.put(s.monitored, pid, Process.monitor(pid))}
    end
  end

  defp put_or_drop(entries, key, []), do: Map.delete(entries, key)
  defp put_or_drop(entries, key, es), do: Map.put(entries, key, es)
end
