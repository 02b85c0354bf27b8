defmodule ExUnit.CaptureIO do
  # capture_io: the calling process's group leader becomes a process of our
  # own that speaks the io protocol (put_chars collected, get_line and
  # get_chars served from the input string), for the duration of the fun.
  # Only :stdio (standard_io) can be captured; :stderr raises "not
  # supported yet" (standard_error writes straight to the VM's output).

  def capture_io(fun) when is_function(fun, 0), do: capture_io(:stdio, [], fun)

  def capture_io(device, fun) when is_atom(device) and is_function(fun, 0),
    do: capture_io(device, [], fun)

  def capture_io(input, fun) when is_binary(input) and is_function(fun, 0),
    do: capture_io(:stdio, [input: input], fun)

  def capture_io(options, fun) when is_list(options) and is_function(fun, 0),
    do: capture_io(:stdio, options, fun)

  def capture_io(device, input, fun) when is_binary(input),
    do: capture_io(device, [input: input], fun)

  def capture_io(device, options, fun) when is_list(options) do
    {_result, output} = with_io(device, options, fun)
    output
  end

  def with_io(fun) when is_function(fun, 0), do: with_io(:stdio, [], fun)
  def with_io(device, fun) when is_atom(device), do: with_io(device, [], fun)
  def with_io(input, fun) when is_binary(input), do: with_io(:stdio, [input: input], fun)
  def with_io(options, fun) when is_list(options), do: with_io(:stdio, options, fun)

  def with_io(device, options, fun) when device in [:stdio, :standard_io] do
    input = Keyword.get(options, :input, "")
    dev = :erlang.spawn(fn -> loop(input, []) end)
    old = :erlang.group_leader()
    :erlang.group_leader(dev, self())

    result =
      try do
        fun.()
      after
        :erlang.group_leader(old, self())
      end

    ref = :erlang.monitor(:process, dev)
    send(dev, {:capture_io_get, self(), ref})

    output =
      receive do
        {^ref, chunks} ->
          :erlang.demonitor(ref, [:flush])
          chunks |> Enum.reverse() |> :erlang.iolist_to_binary()

        {:DOWN, ^ref, _, _, _} ->
          ""
      end

    {result, output}
  end

  def with_io(device, _options, _fun) do
    raise RuntimeError, "not supported yet: capture_io of #{inspect(device)} (only :stdio)"
  end

  defp loop(input, chunks) do
    receive do
      {:io_request, from, reply_as, request} ->
        {reply, input, chunks} = request(request, input, chunks)
        send(from, {:io_reply, reply_as, reply})
        loop(input, chunks)

      {:capture_io_get, from, ref} ->
        send(from, {ref, chunks})
    end
  end

  defp request({:put_chars, _enc, chars}, input, chunks), do: {:ok, input, [chars | chunks]}
  defp request({:put_chars, chars}, input, chunks), do: {:ok, input, [chars | chunks]}

  defp request({:put_chars, _enc, m, f, a}, input, chunks),
    do: {:ok, input, [apply(m, f, a) | chunks]}

  defp request({:get_line, _enc, _prompt}, input, chunks), do: get_line(input, chunks)
  defp request({:get_line, _prompt}, input, chunks), do: get_line(input, chunks)

  defp request({:get_chars, _enc, _prompt, n}, input, chunks), do: get_chars(input, n, chunks)
  defp request({:get_chars, _prompt, n}, input, chunks), do: get_chars(input, n, chunks)

  defp request({:requests, reqs}, input, chunks) do
    Enum.reduce(reqs, {:ok, input, chunks}, fn r, {_, i, c} -> request(r, i, c) end)
  end

  defp request(_other, input, chunks), do: {{:error, :request}, input, chunks}

  defp get_line("", chunks), do: {:eof, "", chunks}

  defp get_line(input, chunks) do
    case :binary.split(input, "\n") do
      [line, rest] -> {line <> "\n", rest, chunks}
      [line] -> {line, "", chunks}
    end
  end

  defp get_chars("", _n, chunks), do: {:eof, "", chunks}

  defp get_chars(input, n, chunks) do
    case input do
      <<chars::binary-size(n), rest::binary>> -> {chars, rest, chunks}
      _ -> {input, "", chunks}
    end
  end
end
