defmodule Worker do
  use GenServer

  def start_link(name), do: GenServer.start_link(__MODULE__, name, name: name)
  def init(name) do
    IO.puts("starting #{name}")
    {:ok, %{name: name, count: 0}}
  end
  def handle_call(:crash, _from, _state), do: raise("crash requested")
  def handle_call(:get, _from, state), do: {:reply, state.count, state}
  def handle_cast(:inc, state), do: {:noreply, %{state | count: state.count + 1}}
end

children = [
  %{id: :w1, start: {Worker, :start_link, [:w1]}},
  %{id: :w2, start: {Worker, :start_link, [:w2]}}
]
{:ok, sup} = Supervisor.start_link(children, strategy: :one_for_one)
GenServer.cast(:w1, :inc)
GenServer.cast(:w1, :inc)
IO.inspect(GenServer.call(:w1, :get))
old = Process.whereis(:w1)
Process.exit(old, :kill)
Process.sleep(300)
new = Process.whereis(:w1)
IO.inspect(old != new)
IO.inspect(GenServer.call(:w1, :get))
IO.inspect(Supervisor.count_children(sup))
IO.inspect(length(Supervisor.which_children(sup)))
Supervisor.stop(sup)
IO.inspect(Process.whereis(:w1))
