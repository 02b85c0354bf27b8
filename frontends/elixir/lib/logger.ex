defmodule Logger do
  # Elixir's Logger with the default console backend's output: to standard
  # output, "\n$time $metadata[$level] $message\n" (metadata empty by
  # default), time as hh:mm:ss.mmm in UTC. The level (default :debug) is
  # held by a process registered as Logger.Config, started by the first
  # `configure/1`; until then no call is needed. Messages are written
  # synchronously (Elixir's are asynchronous below 20 queued messages).

  @levels [:emergency, :alert, :critical, :error, :warning, :notice, :info, :debug]

  def levels(), do: @levels

  def emergency(msg, md \\ []), do: log(:emergency, msg, md)
  def alert(msg, md \\ []), do: log(:alert, msg, md)
  def critical(msg, md \\ []), do: log(:critical, msg, md)
  def error(msg, md \\ []), do: log(:error, msg, md)
  def warning(msg, md \\ []), do: log(:warning, msg, md)
  def warn(msg, md \\ []), do: log(:warning, msg, md)
  def notice(msg, md \\ []), do: log(:notice, msg, md)
  def info(msg, md \\ []), do: log(:info, msg, md)
  def debug(msg, md \\ []), do: log(:debug, msg, md)

  def bare_log(level, msg, md \\ []), do: log(level, msg, md)

  def log(level, msg, metadata \\ []) do
    level = normalize(level)

    if level() != :none and compare_levels(level, level()) != :lt do
      text = message(msg)
      time = timestamp()
      _ = metadata
      line = "\n#{time} [#{level}] #{text}\n"

      # ExUnit.CaptureLog's captures in this process take the line instead
      # of the console (each with its own level).
      case :erlang.get(:"$logger_capture") do
        frames when is_list(frames) and frames != [] ->
          :erlang.put(
            :"$logger_capture",
            Enum.map(frames, fn {min, acc} ->
              if compare_levels(level, min) != :lt, do: {min, [acc, line]}, else: {min, acc}
            end)
          )

        _ ->
          IO.write(:stdio, line)
      end
    end

    :ok
  end

  def level() do
    case :erlang.whereis(Logger.Config) do
      :undefined -> :debug
      pid -> call(pid, :get)
    end
  end

  def configure(opts) do
    case Keyword.fetch(opts, :level) do
      {:ok, level} -> call(config_pid(), {:put, normalize_level(level)})
      :error -> :ok
    end

    :ok
  end

  def compare_levels(same, same), do: :eq

  def compare_levels(left, right) do
    l = rank(normalize_level(left))
    r = rank(normalize_level(right))

    cond do
      l < r -> :gt
      true -> :lt
    end
  end

  def metadata(), do: get_md()

  def metadata(kw) do
    md = Enum.reduce(kw, get_md(), fn
      {k, nil}, acc -> Keyword.delete(acc, k)
      {k, v}, acc -> Keyword.put(acc, k, v)
    end)

    :erlang.put(:"$logger_metadata", md)
    :ok
  end

  def reset_metadata(kw \\ []) do
    :erlang.put(:"$logger_metadata", [])
    metadata(kw)
  end

  def flush(), do: :ok
  def enable(_pid), do: :ok
  def disable(_pid), do: :ok
  def enabled?(_pid), do: true
  def put_module_level(_mod, _level), do: :ok
  def delete_module_level(_mod), do: :ok
  def add_backend(_backend, _opts \\ []), do: {:error, :not_supported}
  def remove_backend(_backend, _opts \\ []), do: :ok

  defp get_md() do
    case :erlang.get(:"$logger_metadata") do
      :undefined -> []
      md -> md
    end
  end

  defp normalize(:warn), do: :warning
  defp normalize(level) when level in @levels, do: level

  defp normalize(level) do
    raise ArgumentError, "invalid level #{inspect(level)}"
  end

  defp normalize_level(:all), do: :debug
  defp normalize_level(:none), do: :none
  defp normalize_level(level), do: normalize(level)

  defp rank(:none), do: -1
  defp rank(level), do: Enum.find_index(@levels, fn l -> l == level end)

  defp message(f) when is_function(f, 0) do
    case f.() do
      {text, _md} -> message(text)
      text -> message(text)
    end
  end

  defp message(text) when is_binary(text), do: text
  defp message(text) when is_list(text), do: IO.chardata_to_string(text)
  defp message(other), do: inspect(other)

  defp timestamp() do
    ms = :erlang.system_time(:millisecond)
    secs = div(ms, 1000)
    h = rem(div(secs, 3600), 24)
    m = rem(div(secs, 60), 60)
    s = rem(secs, 60)
    pad(h, 2) <> ":" <> pad(m, 2) <> ":" <> pad(s, 2) <> "." <> pad(rem(ms, 1000), 3)
  end

  defp pad(n, width), do: String.pad_leading(Integer.to_string(n), width, "0")

  defp config_pid() do
    case :erlang.whereis(Logger.Config) do
      :undefined ->
        pid = :erlang.spawn(fn -> config_loop(:debug) end)

        try do
          :erlang.register(Logger.Config, pid)
          pid
        rescue
          _ ->
            :erlang.exit(pid, :kill)
            :erlang.whereis(Logger.Config)
        end

      pid ->
        pid
    end
  end

  defp call(pid, msg) do
    ref = :erlang.monitor(:process, pid)
    send(pid, {Logger.Config, self(), ref, msg})

    receive do
      {^ref, reply} ->
        :erlang.demonitor(ref, [:flush])
        reply

      {:DOWN, ^ref, _, _, _} ->
        :debug
    end
  end

  # The level's holder: {:get} replies the level, {:put, l} sets it.
  defp config_loop(level) do
    receive do
      {Logger.Config, from, ref, :get} ->
        send(from, {ref, level})
        config_loop(level)

      {Logger.Config, from, ref, {:put, new}} ->
        send(from, {ref, :ok})
        config_loop(new)
    end
  end
end
