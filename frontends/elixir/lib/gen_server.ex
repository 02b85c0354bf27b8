# GenServer written over spawn/monitor/receive (no gen_server in our OTP).
# Protocol: calls are {:"$gen_call", {pid, ref}, msg} answered with
# {ref, reply}; casts are {:"$gen_cast", msg}; stop/3 sends
# {:"$gen_stop", reason} and waits for the :DOWN of the server.
defmodule GenServer do
  def start_link(mod, arg, opts \\ []), do: do_start(:link, mod, arg, opts)
  def start(mod, arg, opts \\ []), do: do_start(:nolink, mod, arg, opts)

  defp do_start(link, mod, arg, opts) do
    name = Keyword.get(opts, :name)
    parent = self()
    tag = :erlang.make_ref()
    fun = fn -> init_it(parent, tag, name, mod, arg) end
    pid =
      case link do
        :link -> :erlang.spawn_link(fun)
        :nolink -> :erlang.spawn(fun)
      end
    mref = :erlang.monitor(:process, pid)
    receive do
      {^tag, :ok} ->
        :erlang.demonitor(mref, [:flush])
        {:ok, pid}
      {^tag, :ignore} ->
        :erlang.demonitor(mref, [:flush])
        :ignore
      {^tag, {:error, reason}} ->
        receive do
          {:DOWN, ^mref, _, _, _} -> :ok
        end
        # A linked starter receives the exit of a failed init as OTP's
        # proc_lib does not: flush it when trapping exits.
        receive do
          {:EXIT, ^pid, _} -> :ok
        after
          0 -> :ok
        end
        {:error, reason}
      {:DOWN, ^mref, _, _, reason} ->
        {:error, reason}
    end
  end

  defp init_it(parent, tag, name, mod, arg) do
    registered =
      case name do
        nil -> :ok
        n when is_atom(n) ->
          try do
            :erlang.register(n, self())
            :ok
          catch
            _, _ -> {:error, {:already_started, :erlang.whereis(n)}}
          end
        {:via, vmod, vname} ->
          case vmod.register_name(vname, self()) do
            :yes -> :ok
            :no -> {:error, {:already_started, vmod.whereis_name(vname)}}
          end
        other -> raise ArgumentError, "not supported yet: GenServer name #{inspect(other)}"
      end
    case registered do
      {:error, _} = err ->
        send(parent, {tag, err})
        exit(:normal)
      :ok ->
        case safe(fn -> mod.init(arg) end) do
          {:ok, state} ->
            send(parent, {tag, :ok})
            loop(parent, mod, state, :infinity)
          {:ok, state, {:continue, c}} ->
            send(parent, {tag, :ok})
            continue(parent, mod, c, state)
          {:ok, state, timeout} ->
            send(parent, {tag, :ok})
            loop(parent, mod, state, timeout)
          :ignore ->
            unregister(name)
            send(parent, {tag, :ignore})
            exit(:normal)
          {:stop, reason} ->
            unregister(name)
            send(parent, {tag, {:error, reason}})
            exit(reason)
          {:"$crash", reason} ->
            unregister(name)
            send(parent, {tag, {:error, reason}})
            exit(reason)
          other ->
            unregister(name)
            send(parent, {tag, {:error, {:bad_return_value, other}}})
            exit({:bad_return_value, other})
        end
    end
  end

  defp unregister(nil), do: :ok
  defp unregister({:via, vmod, vname}), do: vmod.unregister_name(vname)
  defp unregister(name), do: :erlang.unregister(name)

  # Runs a callback; an exception becomes {:"$crash", exit_reason} with the
  # reason a gen_server exits with (`{exception, stacktrace}` for errors).
  defp safe(fun) do
    try do
      fun.()
    catch
      :error, reason -> {:"$crash", {reason, __STACKTRACE__}}
      :throw, value -> value
      :exit, reason -> {:"$crash", reason}
    end
  end

  defp timeout_of(:hibernate), do: :infinity
  defp timeout_of(t), do: t

  defp continue(parent, mod, c, state) do
    result = safe(fn -> mod.handle_continue(c, state) end)
    handle_noreply(parent, mod, result, state)
  end

  defp handle_noreply(parent, mod, result, state) do
    case result do
      {:noreply, s} -> loop(parent, mod, s, :infinity)
      {:noreply, s, {:continue, c}} -> continue(parent, mod, c, s)
      {:noreply, s, t} -> loop(parent, mod, s, timeout_of(t))
      {:stop, reason, s} -> terminate(mod, reason, s)
      {:"$crash", reason} -> terminate(mod, reason, state)
      other -> terminate(mod, {:bad_return_value, other}, state)
    end
  end

  defp loop(parent, mod, state, timeout) do
    receive do
      {:"$gen_call", {pid, tag} = from, msg} ->
        case safe(fn -> mod.handle_call(msg, from, state) end) do
          {:reply, reply, s} ->
            send(pid, {tag, reply})
            loop(parent, mod, s, :infinity)
          {:reply, reply, s, {:continue, c}} ->
            send(pid, {tag, reply})
            continue(parent, mod, c, s)
          {:reply, reply, s, t} ->
            send(pid, {tag, reply})
            loop(parent, mod, s, timeout_of(t))
          {:stop, reason, reply, s} ->
            try do
              mod.terminate(reason, s)
            after
              send(pid, {tag, reply})
            end
            exit(reason)
          other ->
            handle_noreply(parent, mod, other, state)
        end
      {:"$gen_cast", msg} ->
        handle_noreply(parent, mod, safe(fn -> mod.handle_cast(msg, state) end), state)
      {:"$gen_stop", reason} ->
        terminate(mod, reason, state)
      {:EXIT, ^parent, reason} ->
        terminate(mod, reason, state)
      msg ->
        handle_noreply(parent, mod, safe(fn -> mod.handle_info(msg, state) end), state)
    after
      timeout ->
        handle_noreply(parent, mod, safe(fn -> mod.handle_info(:timeout, state) end), state)
    end
  end

  defp terminate(mod, reason, state) do
    # `use GenServer` always defines terminate/2.
    mod.terminate(reason, state)
    case reason do
      :normal -> :ok
      :shutdown -> :ok
      {:shutdown, _} -> :ok
      _ -> :io.put_chars(:standard_error, ["[error] GenServer ", inspect(self()), " terminating\n", inspect(reason), "\n"])
    end
    exit(reason)
  end

  def call(server, msg, timeout \\ 5000) do
    case whereis(server) do
      nil ->
        exit({:noproc, {GenServer, :call, [server, msg, timeout]}})
      pid ->
        mref = :erlang.monitor(:process, pid)
        send(pid, {:"$gen_call", {self(), mref}, msg})
        receive do
          {^mref, reply} ->
            :erlang.demonitor(mref, [:flush])
            reply
          {:DOWN, ^mref, _, _, reason} ->
            exit({reason, {GenServer, :call, [server, msg, timeout]}})
        after
          timeout ->
            :erlang.demonitor(mref, [:flush])
            exit({:timeout, {GenServer, :call, [server, msg, timeout]}})
        end
    end
  end

  def cast(server, msg) do
    case whereis(server) do
      nil -> :ok
      pid ->
        send(pid, {:"$gen_cast", msg})
        :ok
    end
  end

  def reply({pid, tag}, reply) do
    send(pid, {tag, reply})
    :ok
  end

  def stop(server, reason \\ :normal, timeout \\ :infinity) do
    case whereis(server) do
      nil ->
        exit({:noproc, {GenServer, :stop, [server, reason, timeout]}})
      pid ->
        mref = :erlang.monitor(:process, pid)
        send(pid, {:"$gen_stop", reason})
        receive do
          {:DOWN, ^mref, _, _, ^reason} -> :ok
          {:DOWN, ^mref, _, _, other} -> exit({other, {GenServer, :stop, [server, reason, timeout]}})
        after
          timeout ->
            :erlang.demonitor(mref, [:flush])
            exit({:timeout, {GenServer, :stop, [server, reason, timeout]}})
        end
    end
  end

  def whereis(pid) when is_pid(pid), do: pid
  def whereis(name) when is_atom(name) do
    case :erlang.whereis(name) do
      :undefined -> nil
      pid -> pid
    end
  end
  def whereis({:global, _} = n), do: raise(ArgumentError, "not supported yet: GenServer name #{inspect(n)}")
  def whereis({:via, vmod, vname}) do
    case vmod.whereis_name(vname) do
      pid when is_pid(pid) -> pid
      _ -> nil
    end
  end
end
