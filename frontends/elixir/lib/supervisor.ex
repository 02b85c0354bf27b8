# Supervisor: a GenServer (callback module Supervisor itself) that traps
# exits, starts child specs in order and restarts them by strategy within
# the restart intensity (max_restarts in max_seconds).
defmodule Supervisor do
  def start_link(children, opts) when is_list(children) do
    GenServer.start_link(Supervisor, {:children, children, opts}, Keyword.take(opts, [:name]))
  end

  def start_link(mod, arg), do: start_link(mod, arg, [])

  def start_link(mod, arg, opts) do
    GenServer.start_link(Supervisor, {:module, mod, arg}, opts)
  end

  def init(children, opts) do
    flags = %{
      strategy: Keyword.fetch!(opts, :strategy),
      intensity: Keyword.get(opts, :max_restarts, 3),
      period: Keyword.get(opts, :max_seconds, 5)
    }
    {:ok, {flags, Enum.map(children, &child_spec/1)}}
  end

  def child_spec(%{} = spec), do: spec
  def child_spec({mod, arg}) when is_atom(mod), do: mod.child_spec(arg)
  def child_spec(mod) when is_atom(mod), do: mod.child_spec([])

  def child_spec(spec, overrides), do: Map.merge(child_spec(spec), Map.new(overrides))

  def which_children(sup), do: GenServer.call(sup, :which_children, :infinity)
  def count_children(sup), do: GenServer.call(sup, :count_children, :infinity)
  def terminate_child(sup, id), do: GenServer.call(sup, {:terminate_child, id}, :infinity)
  def restart_child(sup, id), do: GenServer.call(sup, {:restart_child, id}, :infinity)
  def delete_child(sup, id), do: GenServer.call(sup, {:delete_child, id}, :infinity)
  def start_child(sup, spec), do: GenServer.call(sup, {:start_child, child_spec(spec)}, :infinity)
  def stop(sup, reason \\ :normal, timeout \\ :infinity), do: GenServer.stop(sup, reason, timeout)

  # --- the supervisor process ---
  # state: %{strategy, intensity, period, restarts: [time], children: [child]}
  # child: %{id, start, restart, shutdown, type, modules, pid}, in start order.

  def init({:children, children, opts}) do
    {:ok, spec} = init(children, opts)
    setup(spec)
  end

  def init({:module, mod, arg}) do
    case mod.init(arg) do
      {:ok, spec} -> setup(spec)
      :ignore -> :ignore
      other -> {:stop, {:bad_return, {mod, :init, other}}}
    end
  end

  defp setup({flags, specs}) do
    :erlang.process_flag(:trap_exit, true)
    flags = Map.new(flags)
    children =
      Enum.map(specs, fn s ->
        s = child_spec(s)
        %{
          id: Map.fetch!(s, :id),
          start: Map.fetch!(s, :start),
          restart: Map.get(s, :restart, :permanent),
          shutdown: Map.get(s, :shutdown, 5000),
          type: Map.get(s, :type, :worker),
          modules: Map.get(s, :modules, [elem(Map.fetch!(s, :start), 0)]),
          pid: :undefined
        }
      end)
    state = %{
      strategy: Map.get(flags, :strategy, :one_for_one),
      intensity: Map.get(flags, :intensity, 3),
      period: Map.get(flags, :period, 5),
      restarts: [],
      children: []
    }
    case start_all(children, []) do
      {:ok, started} -> {:ok, %{state | children: started}}
      {:error, reason, started} ->
        stop_all(Enum.reverse(started))
        {:stop, {:shutdown, reason}}
    end
  end

  defp start_all([], acc), do: {:ok, Enum.reverse(acc)}
  defp start_all([c | rest], acc) do
    case start_one(c) do
      {:ok, c} -> start_all(rest, [c | acc])
      {:error, reason} -> {:error, {:failed_to_start_child, c.id, reason}, acc}
    end
  end

  defp start_one(%{start: {m, f, a}} = c) do
    case apply(m, f, a) do
      {:ok, pid} -> {:ok, %{c | pid: pid}}
      {:ok, pid, _info} -> {:ok, %{c | pid: pid}}
      :ignore -> {:ok, %{c | pid: :undefined}}
      {:error, reason} -> {:error, reason}
      other -> {:error, other}
    end
  end

  defp stop_one(%{pid: pid} = c) when is_pid(pid) do
    :erlang.exit(pid, :shutdown)
    receive do
      {:EXIT, ^pid, _} -> :ok
    after
      timeout_of(c.shutdown) ->
        :erlang.exit(pid, :kill)
        receive do
          {:EXIT, ^pid, _} -> :ok
        end
    end
    %{c | pid: :undefined}
  end
  defp stop_one(c), do: c

  defp timeout_of(:brutal_kill), do: 0
  defp timeout_of(t), do: t

  # Stops children last-started first; returns them in start order.
  defp stop_all(children), do: children |> Enum.reverse() |> Enum.map(&stop_one/1) |> Enum.reverse()

  def handle_call(:which_children, _from, state) do
    list =
      Enum.map(state.children, fn c ->
        {c.id, c.pid, c.type, c.modules}
      end)
    {:reply, Enum.reverse(list), state}
  end

  def handle_call(:count_children, _from, state) do
    active = Enum.count(state.children, fn c -> is_pid(c.pid) end)
    workers = Enum.count(state.children, fn c -> c.type == :worker end)
    sups = Enum.count(state.children, fn c -> c.type == :supervisor end)
    {:reply, %{active: active, specs: length(state.children), supervisors: sups, workers: workers}, state}
  end

  def handle_call({:terminate_child, id}, _from, state) do
    case Enum.find(state.children, fn c -> c.id == id end) do
      nil -> {:reply, {:error, :not_found}, state}
      c ->
        c2 = stop_one(c)
        {:reply, :ok, put_child(state, c2)}
    end
  end

  def handle_call({:restart_child, id}, _from, state) do
    case Enum.find(state.children, fn c -> c.id == id end) do
      nil -> {:reply, {:error, :not_found}, state}
      %{pid: pid} when is_pid(pid) -> {:reply, {:error, :running}, state}
      c ->
        case start_one(c) do
          {:ok, c2} -> {:reply, {:ok, c2.pid}, put_child(state, c2)}
          {:error, r} -> {:reply, {:error, r}, state}
        end
    end
  end

  def handle_call({:delete_child, id}, _from, state) do
    case Enum.find(state.children, fn c -> c.id == id end) do
      nil -> {:reply, {:error, :not_found}, state}
      %{pid: pid} when is_pid(pid) -> {:reply, {:error, :running}, state}
      _ -> {:reply, :ok, %{state | children: Enum.reject(state.children, fn c -> c.id == id end)}}
    end
  end

  def handle_call({:start_child, spec}, _from, state) do
    c = %{
      id: Map.fetch!(spec, :id),
      start: Map.fetch!(spec, :start),
      restart: Map.get(spec, :restart, :permanent),
      shutdown: Map.get(spec, :shutdown, 5000),
      type: Map.get(spec, :type, :worker),
      modules: Map.get(spec, :modules, [elem(Map.fetch!(spec, :start), 0)]),
      pid: :undefined
    }
    case Enum.find(state.children, fn x -> x.id == c.id end) do
      %{pid: pid} when is_pid(pid) -> {:reply, {:error, {:already_started, pid}}, state}
      %{} -> {:reply, {:error, :already_present}, state}
      nil ->
        case start_one(c) do
          {:ok, c2} -> {:reply, {:ok, c2.pid}, %{state | children: state.children ++ [c2]}}
          {:error, r} -> {:reply, {:error, r}, state}
        end
    end
  end

  def handle_cast(_msg, state), do: {:noreply, state}

  def handle_info({:EXIT, pid, reason}, state) do
    case Enum.find(state.children, fn c -> c.pid == pid end) do
      nil -> {:noreply, state}
      c -> child_exited(c, reason, state)
    end
  end

  def handle_info(_msg, state), do: {:noreply, state}

  def terminate(_reason, state) do
    stop_all(state.children)
    :ok
  end

  def code_change(_old, state, _extra), do: {:ok, state}

  defp put_child(state, c2) do
    %{state | children: Enum.map(state.children, fn c -> if c.id == c2.id, do: c2, else: c end)}
  end

  defp restart?(%{restart: :permanent}, _), do: true
  defp restart?(%{restart: :temporary}, _), do: false
  defp restart?(%{restart: :transient}, reason) do
    case reason do
      :normal -> false
      :shutdown -> false
      {:shutdown, _} -> false
      _ -> true
    end
  end

  defp child_exited(c, reason, state) do
    c = %{c | pid: :undefined}
    if restart?(c, reason) do
      now = :erlang.monotonic_time(:millisecond)
      recent = Enum.filter([now | state.restarts], fn t -> now - t <= state.period * 1000 end)
      state = %{state | restarts: recent}
      if length(recent) > state.intensity do
        state = put_child(state, c)
        {:stop, :shutdown, state}
      else
        restart(c, put_child(state, c))
      end
    else
      children =
        if c.restart == :temporary do
          Enum.reject(state.children, fn x -> x.id == c.id end)
        else
          Enum.map(state.children, fn x -> if x.id == c.id, do: c, else: x end)
        end
      {:noreply, %{state | children: children}}
    end
  end

  defp restart(c, state) do
    {before, [_ | rest]} = Enum.split_while(state.children, fn x -> x.id != c.id end)
    {to_stop, to_start} =
      case state.strategy do
        :one_for_one -> {[], [c]}
        :one_for_all -> {before ++ rest, before ++ [c | rest]}
        :rest_for_one -> {rest, [c | rest]}
      end
    stopped = stop_all(to_stop)
    ids = Enum.map(stopped, fn x -> x.id end)
    _ = ids
    case start_all(to_start, []) do
      {:ok, started} ->
        children =
          Enum.map(state.children, fn x ->
            case Enum.find(started, fn s -> s.id == x.id end) do
              nil -> x
              s -> s
            end
          end)
        {:noreply, %{state | children: children}}
      {:error, _reason, _} ->
        {:stop, :shutdown, state}
    end
  end
end
