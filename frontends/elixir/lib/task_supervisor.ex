defmodule Task.Supervisor do
  # A supervisor process for tasks, started like Elixir's. Tasks started
  # through it are not its children here: they are linked to (async) or
  # monitored by (async_nolink) the caller, as Task's; `children/1` and
  # `terminate_child/2` are not supported yet.

  def start_link(opts \\ []) do
    case Keyword.get(opts, :name) do
      nil -> GenServer.start_link(Task.Supervisor, :ok)
      name -> GenServer.start_link(Task.Supervisor, :ok, name: name)
    end
  end

  def child_spec(opts) do
    %{id: Keyword.get(opts, :name, Task.Supervisor), start: {Task.Supervisor, :start_link, [opts]}, type: :supervisor}
  end

  def async(_sup, fun, _opts \\ []), do: Task.__async__(fun, true)
  def async(sup, m, f, a, opts), do: async(sup, fn -> apply(m, f, a) end, opts)
  def async_nolink(_sup, fun, _opts \\ []), do: Task.__async__(fun, false)
  def async_nolink(sup, m, f, a, opts), do: async_nolink(sup, fn -> apply(m, f, a) end, opts)
  def start_child(_sup, fun, _opts \\ []), do: Task.start(fun)
  def async_stream(_sup, enum, fun, opts \\ []), do: Task.async_stream(enum, fun, opts)
  def async_stream_nolink(_sup, enum, fun, opts \\ []), do: Task.async_stream(enum, fun, opts)

  def children(_sup), do: raise(ArgumentError, "not supported yet: Task.Supervisor.children/1")

  def init(:ok), do: {:ok, nil}
  def handle_call(_msg, _from, s), do: {:reply, :ok, s}
  def handle_cast(_msg, s), do: {:noreply, s}
  def handle_info(_msg, s), do: {:noreply, s}
  def terminate(_reason, _s), do: :ok
end
