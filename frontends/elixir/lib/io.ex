defmodule IO do
  def puts(item), do: puts(:stdio, item)
  def puts(device, item) do
    :io.put_chars(dev(device), [to_chardata(item), ?\n])
    :ok
  end

  def write(item), do: write(:stdio, item)
  def write(device, item) do
    :io.put_chars(dev(device), to_chardata(item))
    :ok
  end

  def inspect(item, opts \\ []), do: inspect(:stdio, item, opts)

  def inspect(device, item, opts) do
    label = Keyword.get(opts, :label)
    text = :"$elixir".inspect(Kernel.__prepare__(item), Kernel.__inspect_opts__(opts, true))
    case label do
      nil -> :io.put_chars(dev(device), [text, ?\n])
      l -> :io.put_chars(dev(device), [String.Chars.to_string(l), ": ", text, ?\n])
    end
    item
  end

  def gets(prompt), do: gets(:stdio, prompt)

  # Reads a line from the group leader when it is a process speaking the io
  # protocol (ExUnit.CaptureIO's); the VM's own standard input is not read.
  def gets(device, prompt) do
    leader = if device in [:stdio, :standard_io], do: :erlang.group_leader(), else: device

    if is_pid(leader) and :erlang.is_process_alive(leader) do
      write(device, prompt)
      ref = :erlang.monitor(:process, leader)
      send(leader, {:io_request, self(), ref, {:get_line, :unicode, prompt}})

      receive do
        {:io_reply, ^ref, reply} ->
          :erlang.demonitor(ref, [:flush])
          reply

        {:DOWN, ^ref, _, _, _} ->
          {:error, :terminated}
      end
    else
      :eof
    end
  end

  def iodata_to_binary(data), do: :erlang.iolist_to_binary(data)
  def iodata_length(data), do: :erlang.iolist_size(data)
  def chardata_to_string(data) when is_binary(data), do: data
  def chardata_to_string(data) when is_list(data), do: List.to_string(data)

  defp dev(:stdio), do: :standard_io
  defp dev(:stderr), do: :standard_error
  defp dev(other), do: other

  defp to_chardata(x) when is_binary(x), do: x
  defp to_chardata(x) when is_list(x), do: x
  defp to_chardata(x), do: String.Chars.to_string(x)
end
