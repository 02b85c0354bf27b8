defmodule Worker do
  use GenServer
  def start_link(name), do: GenServer.start_link(__MODULE__, name, name: name)
  def init(name) do
    send(:log, {:started, name})
    {:ok, name}
  end
  def handle_call(:ping, _from, name), do: {:reply, {:pong, name}, name}
end

defmodule Log do
  def start do
    pid = spawn(fn -> loop([]) end)
    Process.register(pid, :log)
  end
  defp loop(acc) do
    receive do
      {:get, from} -> send(from, {:log, Enum.reverse(acc)}); loop([])
      m -> loop([m | acc])
    end
  end
  def take do
    Process.sleep(50)
    send(:log, {:get, self()})
    receive do
      {:log, l} -> l
    end
  end
end

Log.start()

children = [
  %{id: :a, start: {Worker, :start_link, [:a]}},
  %{id: :b, start: {Worker, :start_link, [:b]}},
  %{id: :c, start: {Worker, :start_link, [:c]}}
]

for strategy <- [:one_for_one, :one_for_all, :rest_for_one] do
  {:ok, sup} = Supervisor.start_link(children, strategy: strategy)
  IO.inspect({strategy, Log.take()})
  b = Process.whereis(:b)
  Process.exit(b, :kill)
  IO.inspect({strategy, :after_crash, Log.take()})
  IO.inspect(Process.whereis(:b) != b)
  IO.inspect(GenServer.call(:b, :ping))
  IO.inspect(Supervisor.count_children(sup))
  IO.inspect(Enum.map(Supervisor.which_children(sup), fn {id, pid, type, mods} -> {id, is_pid(pid), type, mods} end))
  IO.inspect(Supervisor.stop(sup))
  IO.inspect(Process.whereis(:a))
end

# A child that crashes on its own (exit/1 of a plain linked process).
defmodule Flaky do
  def start_link(n) do
    pid = spawn_link(fn ->
      send(:log, {:flaky, n})
      receive do
        :crash -> exit(:boom)
      end
    end)
    Process.register(pid, :flaky)
    {:ok, pid}
  end
  def child_spec(n), do: %{id: Flaky, start: {Flaky, :start_link, [n]}}
end

Process.flag(:trap_exit, true)
{:ok, sup} = Supervisor.start_link([{Flaky, 1}], strategy: :one_for_one, max_restarts: 2, max_seconds: 10)
IO.inspect(Log.take())
send(:flaky, :crash)
IO.inspect(Log.take())
send(:flaky, :crash)
IO.inspect(Log.take())
IO.inspect(Process.alive?(sup))
send(:flaky, :crash)
receive do
  {:EXIT, ^sup, reason} -> IO.inspect({:supervisor_exited, reason})
after
  1000 -> IO.puts("no exit")
end
IO.inspect(Process.alive?(sup))

defmodule MySup do
  use Supervisor
  def start_link(arg), do: Supervisor.start_link(__MODULE__, arg, name: :my_sup)
  def init(names) do
    children = Enum.map(names, fn n -> Supervisor.child_spec({Worker, n}, id: n) end)
    Supervisor.init(children, strategy: :one_for_one)
  end
end

{:ok, _} = MySup.start_link([:x, :y])
IO.inspect(Log.take())
IO.inspect(GenServer.call(:y, :ping))
IO.inspect(Supervisor.terminate_child(:my_sup, :x))
IO.inspect(Process.whereis(:x))
{:ok, _} = Supervisor.restart_child(:my_sup, :x)
IO.inspect(Log.take())
IO.inspect(MySup.child_spec(:arg))
