defmodule ExUnit.Callbacks do
  # The callbacks a test calls (imported by `use ExUnit.Case`): `on_exit`
  # and the test supervisor (`start_supervised`). Both live in the test's
  # process dictionary; the runner calls `__after_test__/0` in the test's
  # process when the test is over.

  @on_exit :"$ex_unit_on_exit"
  @sup :"$ex_unit_sup"

  def on_exit(fun) when is_function(fun, 0), do: on_exit(make_ref(), fun)

  def on_exit(name, fun) when is_function(fun, 0) do
    l = List.keydelete(get(@on_exit, []), name, 0)
    :erlang.put(@on_exit, [{name, fun} | l])
    :ok
  end

  def start_supervised(spec, opts \\ []) do
    sup =
      case get(@sup, nil) do
        nil ->
          {:ok, sup} = Supervisor.start_link([], strategy: :one_for_one)
          :erlang.put(@sup, sup)
          sup

        sup ->
          sup
      end

    case Supervisor.start_child(sup, Supervisor.child_spec(spec, opts)) do
      {:ok, pid} -> {:ok, pid}
      {:ok, pid, _info} -> {:ok, pid}
      {:error, reason} -> {:error, reason}
    end
  end

  def start_supervised!(spec, opts \\ []) do
    case start_supervised(spec, opts) do
      {:ok, pid} ->
        pid

      {:error, reason} ->
        raise "failed to start child with the spec #{inspect(spec)}.\nReason: #{inspect(reason)}"
    end
  end

  def stop_supervised(id) do
    case get(@sup, nil) do
      nil ->
        {:error, :not_found}

      sup ->
        with :ok <- Supervisor.terminate_child(sup, id),
             :ok <- Supervisor.delete_child(sup, id),
             do: :ok
    end
  end

  def stop_supervised!(id) do
    case stop_supervised(id) do
      :ok -> :ok
      {:error, :not_found} -> raise "could not stop child ID #{inspect(id)} because it was not found"
    end
  end

  # What a setup callback returns, merged into the test's context (called
  # by the `__ex_unit__/2` the compiler generates in each test module).
  def __merge__(_mod, ctx, :ok), do: ctx
  def __merge__(mod, ctx, {:ok, value}), do: __merge__(mod, ctx, value)
  def __merge__(_mod, ctx, value) when is_map(value), do: Map.merge(ctx, value)
  def __merge__(_mod, ctx, value) when is_list(value), do: Map.merge(ctx, Map.new(value))

  def __merge__(mod, _ctx, other) do
    raise "expected ExUnit callback in #{inspect(mod)} to return :ok | keyword | map, " <>
            "got #{inspect(other)} instead"
  end

  # The end of a test, in its process: the supervised children stop, then
  # the on_exit functions run, last registered first. nil, or the failure
  # of the first one that raised.
  def __after_test__() do
    case :erlang.erase(@sup) do
      :undefined -> :ok
      sup -> Supervisor.stop(sup)
    end

    funs = get(@on_exit, [])
    :erlang.erase(@on_exit)

    Enum.reduce(funs, nil, fn {_name, fun}, failure ->
      try do
        fun.()
        failure
      catch
        kind, reason ->
          failure || {kind, Exception.normalize(kind, reason, __STACKTRACE__), __STACKTRACE__}
      end
    end)
  end

  defp get(key, default) do
    case :erlang.get(key) do
      :undefined -> default
      v -> v
    end
  end
end
