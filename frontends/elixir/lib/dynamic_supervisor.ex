# DynamicSupervisor: a GenServer (callback module DynamicSupervisor itself)
# trapping exits, with no children at start; start_child adds one, keyed by
# pid. Strategy one_for_one only (as Elixir's), restart intensity
# max_restarts in max_seconds, max_children.
defmodule DynamicSupervisor do
  def start_link(opts) when is_list(opts) do
    {name_opts, flags} = Keyword.split(opts, [:name])
    GenServer.start_link(DynamicSupervisor, {:flags, flags}, name_opts)
  end

  def start_link(mod, arg, opts \\ []) do
    GenServer.start_link(DynamicSupervisor, {:module, mod, arg}, Keyword.take(opts, [:name]))
  end

  def init(opts) when is_list(opts) do
    {:ok,
     %{
       strategy: Keyword.get(opts, :strategy, :one_for_one),
       intensity: Keyword.get(opts, :max_restarts, 3),
       period: Keyword.get(opts, :max_seconds, 5),
       max_children: Keyword.get(opts, :max_children, :infinity),
       extra_arguments: Keyword.get(opts, :extra_arguments, [])
     }}
  end

  def child_spec(opts) do
    id = Keyword.get(opts, :name, DynamicSupervisor)
    %{id: id, start: {DynamicSupervisor, :start_link, [opts]}, type: :supervisor}
  end

  def start_child(sup, spec) do
    GenServer.call(sup, {:start_child, Supervisor.child_spec(spec)}, :infinity)
  end

  def terminate_child(sup, pid) when is_pid(pid) do
    GenServer.call(sup, {:terminate_child, pid}, :infinity)
  end

  def which_children(sup), do: GenServer.call(sup, :which_children, :infinity)
  def count_children(sup), do: GenServer.call(sup, :count_children, :infinity)
  def stop(sup, reason \\ :normal, timeout \\ :infinity), do: GenServer.stop(sup, reason, timeout)

  # --- the supervisor process ---
  # state: flags + %{restarts: [time], children: %{pid => child}, order: [pid]}

  def init({:flags, opts}) do
    {:ok, flags} = init(opts)
    setup(flags)
  end

  def init({:module, mod, arg}) do
    case mod.init(arg) do
      {:ok, flags} when is_map(flags) -> setup(flags)
      :ignore -> :ignore
      other -> {:stop, {:bad_return, {mod, :init, other}}}
    end
  end

  defp setup(flags) do
    :erlang.process_flag(:trap_exit, true)

    if Map.get(flags, :strategy, :one_for_one) != :one_for_one do
      {:stop, {:supervisor_data, {:invalid_strategy, flags.strategy}}}
    else
      {:ok,
       %{
         intensity: Map.get(flags, :intensity, 3),
         period: Map.get(flags, :period, 5),
         max_children: Map.get(flags, :max_children, :infinity),
         extra_arguments: Map.get(flags, :extra_arguments, []),
         restarts: [],
         children: %{},
         order: []
       }}
    end
  end

  def handle_call({:start_child, spec}, _from, state) do
    if state.max_children != :infinity and map_size(state.children) >= state.max_children do
      {:reply, {:error, :max_children}, state}
    else
      {m, f, a} = Map.fetch!(spec, :start)

      child = %{
        start: {m, f, state.extra_arguments ++ a},
        restart: Map.get(spec, :restart, :permanent),
        shutdown: Map.get(spec, :shutdown, 5000),
        type: Map.get(spec, :type, :worker),
        modules: Map.get(spec, :modules, [m])
      }

      case start_one(child) do
        {:ok, pid, reply} -> {:reply, reply, add(state, pid, child)}
        :ignore -> {:reply, :ignore, state}
        {:error, reason} -> {:reply, {:error, reason}, state}
      end
    end
  end

  def handle_call({:terminate_child, pid}, _from, state) do
    case Map.fetch(state.children, pid) do
      {:ok, child} ->
        stop_one(pid, child)
        {:reply, :ok, remove(state, pid)}

      :error ->
        {:reply, {:error, :not_found}, state}
    end
  end

  def handle_call(:which_children, _from, state) do
    list =
      Enum.map(state.order, fn pid ->
        c = Map.fetch!(state.children, pid)
        {:undefined, pid, c.type, c.modules}
      end)

    {:reply, list, state}
  end

  def handle_call(:count_children, _from, state) do
    children = Map.values(state.children)
    sups = Enum.count(children, fn c -> c.type == :supervisor end)
    n = length(children)
    {:reply, %{specs: n, active: n, supervisors: sups, workers: n - sups}, state}
  end

  def handle_cast(_msg, state), do: {:noreply, state}

  def handle_info({:EXIT, pid, reason}, state) do
    case Map.fetch(state.children, pid) do
      {:ok, child} -> child_exited(pid, child, reason, remove(state, pid))
      :error -> {:noreply, state}
    end
  end

  def handle_info(_msg, state), do: {:noreply, state}

  def terminate(_reason, state) do
    state.order
    |> Enum.reverse()
    |> Enum.each(fn pid -> stop_one(pid, Map.fetch!(state.children, pid)) end)

    :ok
  end

  def code_change(_old, state, _extra), do: {:ok, state}

  defp add(state, pid, child) do
    %{state | children: Map.put(state.children, pid, child), order: state.order ++ [pid]}
  end

  defp remove(state, pid) do
    %{state | children: Map.delete(state.children, pid), order: List.delete(state.order, pid)}
  end

  defp start_one(%{start: {m, f, a}}) do
    case apply(m, f, a) do
      {:ok, pid} -> {:ok, pid, {:ok, pid}}
      {:ok, pid, info} -> {:ok, pid, {:ok, pid, info}}
      :ignore -> :ignore
      {:error, reason} -> {:error, reason}
      other -> {:error, other}
    end
  end

  defp stop_one(pid, child) do
    if child.shutdown == :brutal_kill do
      :erlang.exit(pid, :kill)
    else
      :erlang.exit(pid, :shutdown)
    end

    receive do
      {:EXIT, ^pid, _} -> :ok
    after
      timeout_of(child.shutdown) ->
        :erlang.exit(pid, :kill)

        receive do
          {:EXIT, ^pid, _} -> :ok
        end
    end
  end

  defp timeout_of(:brutal_kill), do: :infinity
  defp timeout_of(t), do: t

  defp restart?(%{restart: :permanent}, _), do: true
  defp restart?(%{restart: :temporary}, _), do: false
  defp restart?(%{restart: :transient}, :normal), do: false
  defp restart?(%{restart: :transient}, :shutdown), do: false
  defp restart?(%{restart: :transient}, {:shutdown, _}), do: false
  defp restart?(%{restart: :transient}, _), do: true

  defp child_exited(_pid, child, reason, state) do
    if restart?(child, reason) do
      now = :erlang.monotonic_time(:millisecond)
      recent = Enum.filter([now | state.restarts], fn t -> now - t <= state.period * 1000 end)
      state = %{state | restarts: recent}

      if length(recent) > state.intensity do
        {:stop, :shutdown, state}
      else
        case start_one(child) do
          {:ok, pid, _} -> {:noreply, add(state, pid, child)}
          _ -> {:noreply, state}
        end
      end
    else
      {:noreply, state}
    end
  end
end
