# Task: a process linked to its owner that sends {ref, result} back, where
# ref monitors it.
defmodule Task do
  defstruct owner: nil, pid: nil, ref: nil

  def async(fun), do: __async__(fun, true)

  # An unlinked task (Task.Supervisor.async_nolink): a crash reaches the
  # owner only as the :DOWN of the monitor.
  def __async__(fun, link) do
    owner = self()
    spawn = if link, do: &:erlang.spawn_link/1, else: &:erlang.spawn/1
    pid =
      spawn.(fn ->
        ref =
          receive do
            {:"$task_ref", r} -> r
          end
        send(owner, {ref, fun.()})
      end)
    ref = :erlang.monitor(:process, pid)
    send(pid, {:"$task_ref", ref})
    %Task{owner: owner, pid: pid, ref: ref}
  end

  def async(m, f, a), do: async(fn -> apply(m, f, a) end)

  def start(fun), do: {:ok, :erlang.spawn(fun)}
  def start(m, f, a), do: start(fn -> apply(m, f, a) end)
  def start_link(fun), do: {:ok, :erlang.spawn_link(fun)}
  def start_link(m, f, a), do: start_link(fn -> apply(m, f, a) end)

  def await(%Task{ref: ref} = task, timeout \\ 5000) do
    receive do
      {^ref, reply} ->
        :erlang.demonitor(ref, [:flush])
        reply
      {:DOWN, ^ref, _, _, reason} ->
        exit({reason, {Task, :await, [task, timeout]}})
    after
      timeout ->
        :erlang.demonitor(ref, [:flush])
        exit({:timeout, {Task, :await, [task, timeout]}})
    end
  end

  def await_many(tasks, timeout \\ 5000), do: Enum.map(tasks, fn t -> await(t, timeout) end)

  def yield(%Task{ref: ref}, timeout \\ 5000) do
    receive do
      {^ref, reply} ->
        :erlang.demonitor(ref, [:flush])
        {:ok, reply}
      {:DOWN, ^ref, _, _, reason} ->
        {:exit, reason}
    after
      timeout -> nil
    end
  end

  def shutdown(%Task{pid: pid, ref: ref}, _how \\ 5000) do
    :erlang.unlink(pid)
    :erlang.exit(pid, :kill)
    receive do
      {^ref, reply} ->
        :erlang.demonitor(ref, [:flush])
        {:ok, reply}
      {:DOWN, ^ref, _, _, _} -> nil
    end
  end

  # Eager: every element runs in its own task, results in input order as
  # `{:ok, value}` (a list, not a lazy stream).
  # A lazy stream: nothing runs until it is consumed. The tasks then run in
  # batches of max_concurrency (default: the number of schedulers), results
  # in input order; ordered: false and on_timeout are not supported yet.
  def async_stream(enumerable, fun, opts \\ []) do
    timeout = Keyword.get(opts, :timeout, 5000)
    max = Keyword.get(opts, :max_concurrency, :erlang.system_info(:schedulers_online))
    Stream.flat_map(Stream.chunk_every(enumerable, max), fn batch ->
      batch
      |> Enum.map(fn x -> async(fn -> fun.(x) end) end)
      |> Enum.map(fn t -> {:ok, await(t, timeout)} end)
    end)
  end

  def async_stream(enumerable, m, f, a, opts \\ []),
    do: async_stream(enumerable, fn x -> apply(m, f, [x | a]) end, opts)
end
