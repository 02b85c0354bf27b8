# A chat room with many clients: one room process relays every line to
# every other member. Joins and posts are acknowledged, so the story is
# the same on every run.
defmodule ChatRoom do
  @clients 40

  def main do
    room = spawn(fn -> room(%{}) end)
    names = for i <- 1..@clients, do: "client#{i}"
    clients = for name <- names, do: {name, join(room, name)}
    for {name, pid} <- clients, do: post(pid, "hello from " <> name)
    {_, last} = List.last(clients)
    post(last, "bye all")

    for {name, pid} <- clients, name in ["client1", "client20", "client40"] do
      report(name, pid)
    end

    for {_, pid} <- clients, do: leave(room, pid)
    send(room, {:members, self()})

    receive do
      {:members, n} -> IO.puts("members left: #{n}")
    end
  end

  # The room: members by pid. A line goes to everyone but its sender.
  defp room(members) do
    receive do
      {:join, pid, name, from} ->
        broadcast(members, pid, name <> " joined")
        send(from, {:joined, pid})
        room(Map.put(members, pid, name))

      {:say, pid, text, from} ->
        %{^pid => name} = members
        broadcast(members, pid, name <> ": " <> text)
        send(from, {:said, pid})
        room(members)

      {:leave, pid, from} ->
        send(from, {:left, pid})
        room(Map.delete(members, pid))

      {:members, from} ->
        send(from, {:members, map_size(members)})
        room(members)
    end
  end

  # Each member's mailbox gets the line before the room goes on, so a
  # member's transcript is in the room's order.
  defp broadcast(members, sender, line) do
    for pid <- Map.keys(members), pid != sender, do: send(pid, {:line, line})
    :ok
  end

  defp join(room, name) do
    pid = spawn(fn -> client(room, []) end)
    send(room, {:join, pid, name, self()})

    receive do
      {:joined, ^pid} -> pid
    end
  end

  defp post(pid, text) do
    send(pid, {:post, text, self()})

    receive do
      {:posted, ^pid} -> :ok
    end
  end

  defp leave(room, pid) do
    send(room, {:leave, pid, self()})

    receive do
      {:left, ^pid} -> send(pid, :stop)
    end
  end

  defp report(name, pid) do
    send(pid, {:transcript, self()})

    receive do
      {:transcript, ^pid, lines} ->
        IO.puts("#{name} heard #{length(lines)} lines; first: #{inspect(hd(lines))}; last: #{inspect(List.last(lines))}")
    end
  end

  # A client keeps its transcript, newest first.
  defp client(room, heard) do
    receive do
      {:line, line} ->
        client(room, [line | heard])

      {:post, text, from} ->
        send(room, {:say, self(), text, self()})

        receive do
          {:said, _} -> :ok
        end

        send(from, {:posted, self()})
        client(room, heard)

      {:transcript, from} ->
        send(from, {:transcript, self(), Enum.reverse(heard)})
        client(room, heard)

      :stop ->
        :ok
    end
  end
end

ChatRoom.main()
