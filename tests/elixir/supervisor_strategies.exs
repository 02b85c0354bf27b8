defmodule W do
  use GenServer
  def start_link(id), do: GenServer.start_link(__MODULE__, id, name: id)
  def init(id) do
    IO.puts("init #{id}")
    {:ok, id}
  end
end

defmodule Sup do
  use Supervisor
  def start_link(strategy), do: Supervisor.start_link(__MODULE__, strategy)
  def init(strategy) do
    children = for id <- [:a, :b, :c], do: Supervisor.child_spec({W, id}, id: id)
    Supervisor.init(children, strategy: strategy)
  end
end

for strategy <- [:one_for_one, :one_for_all, :rest_for_one] do
  IO.puts("== #{strategy}")
  {:ok, sup} = Sup.start_link(strategy)
  Process.exit(Process.whereis(:b), :kill)
  Process.sleep(300)
  IO.inspect(Enum.map([:a, :b, :c], &is_pid(Process.whereis(&1))))
  Supervisor.stop(sup)
end
