defmodule ExUnit.CaptureLog do
  # capture_log: Logger calls made by this process while the function runs
  # are collected (at or above `level:`) instead of printed. Captures nest;
  # the frames live in the process dictionary (see Logger.log/3). Logs of
  # other processes are not captured.

  def capture_log(opts \\ [], fun) when is_function(fun, 0) do
    {_result, log} = with_log(opts, fun)
    log
  end

  def with_log(opts \\ [], fun) when is_function(fun, 0) do
    level = Keyword.get(opts, :level, :debug)
    frames = get_frames()
    :erlang.put(:"$logger_capture", [{level, []} | frames])

    result =
      try do
        fun.()
      catch
        kind, reason ->
          _ = pop()
          :erlang.raise(kind, reason, __STACKTRACE__)
      end

    {result, pop()}
  end

  # The innermost capture's text, removed.
  defp pop() do
    case get_frames() do
      [{_level, acc} | rest] ->
        :erlang.put(:"$logger_capture", rest)
        :erlang.iolist_to_binary(acc)

      [] ->
        ""
    end
  end

  defp get_frames() do
    case :erlang.get(:"$logger_capture") do
      l when is_list(l) -> l
      _ -> []
    end
  end
end
