# A key-value store behind a GenServer: calls that answer, a cast that does
# not, and a stop.
defmodule KV do
  use GenServer

  @impl true
  def init(store), do: {:ok, store}

  @impl true
  def handle_call({:put, k, v}, _from, store), do: {:reply, :ok, Map.put(store, k, v)}

  def handle_call({:get, k}, _from, store) do
    reply =
      case store do
        %{^k => v} -> {:ok, v}
        %{} -> :not_found
      end

    {:reply, reply, store}
  end

  def handle_call(:keys, _from, store), do: {:reply, Enum.sort(Map.keys(store)), store}

  @impl true
  def handle_cast({:add, k, n}, store), do: {:noreply, Map.update(store, k, n, &(&1 + n))}

  @impl true
  def terminate(_reason, store) do
    IO.puts("stopping with #{map_size(store)} keys")
  end
end

{:ok, pid} = GenServer.start_link(KV, %{})
:ok = GenServer.call(pid, {:put, :apples, 3})
:ok = GenServer.call(pid, {:put, :pears, 5})
GenServer.cast(pid, {:add, :apples, 4})
:io.format("apples: ~p~n", [GenServer.call(pid, {:get, :apples})])
:io.format("pears: ~p~n", [GenServer.call(pid, {:get, :pears})])
:io.format("plums: ~p~n", [GenServer.call(pid, {:get, :plums})])
:io.format("keys: ~p~n", [GenServer.call(pid, :keys)])
:ok = GenServer.stop(pid)
:io.format("alive after stop: ~p~n", [Process.alive?(pid)])
