{:ok, _} = Registry.start_link(keys: :unique, name: MyReg)
{:ok, _} = Registry.register(MyReg, "alice", :some_value)
IO.inspect(Registry.lookup(MyReg, "alice") |> Enum.map(fn {pid, v} -> {pid == self(), v} end))
IO.inspect(Registry.lookup(MyReg, "bob"))
IO.inspect(Registry.register(MyReg, "alice", :again) |> elem(0))
IO.inspect(Registry.keys(MyReg, self()))
defmodule Counter do
  use GenServer
  def start_link(name), do: GenServer.start_link(__MODULE__, 0, name: via(name))
  def via(name), do: {:via, Registry, {MyReg, {:counter, name}}}
  def inc(name), do: GenServer.cast(via(name), :inc)
  def get(name), do: GenServer.call(via(name), :get)
  def init(n), do: {:ok, n}
  def handle_cast(:inc, n), do: {:noreply, n + 1}
  def handle_call(:get, _from, n), do: {:reply, n, n}
end
{:ok, pid} = Counter.start_link("c1")
Counter.inc("c1")
Counter.inc("c1")
IO.inspect(Counter.get("c1"))
IO.inspect(match?({:error, {:already_started, _}}, Counter.start_link("c1")))
GenServer.stop(pid)
Process.sleep(50)
IO.inspect(Registry.lookup(MyReg, {:counter, "c1"}))
{:ok, _} = Registry.start_link(keys: :duplicate, name: Topics)
parent = self()
for i <- 1..3 do
  spawn(fn ->
    Registry.register(Topics, :news, i)
    send(parent, :registered)
    receive do
      {:broadcast, msg} -> send(parent, {:got, i, msg})
    end
  end)
end
for _ <- 1..3, do: (receive do: (:registered -> :ok))
Registry.dispatch(Topics, :news, fn entries ->
  for {pid, _} <- entries, do: send(pid, {:broadcast, "hello"})
end)
got = for _ <- 1..3, do: (receive do {:got, i, m} -> {i, m} end)
IO.inspect(Enum.sort(got))
IO.inspect(Registry.count(MyReg))
Registry.unregister(MyReg, "alice")
IO.inspect(Registry.lookup(MyReg, "alice"))
