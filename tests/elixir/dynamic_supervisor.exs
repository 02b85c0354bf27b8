# DynamicSupervisor: children started on demand, restarted when they crash
# (permanent), not when they stop normally (transient) or at all
# (temporary); max_children; terminate_child; a module-based supervisor.
defmodule Worker do
  use GenServer

  def start_link(name), do: GenServer.start_link(__MODULE__, name)
  def init(name), do: {:ok, name}
  def handle_call(:name, _from, name), do: {:reply, name, name}
  def handle_cast(:stop, name), do: {:stop, :normal, name}
end

defmodule MySup do
  use DynamicSupervisor

  def start_link(arg), do: DynamicSupervisor.start_link(__MODULE__, arg, name: __MODULE__)
  def init(max), do: DynamicSupervisor.init(strategy: :one_for_one, max_children: max)
end

defmodule Main do
  def run do
    {:ok, sup} = DynamicSupervisor.start_link(strategy: :one_for_one)
    {:ok, a} = DynamicSupervisor.start_child(sup, {Worker, :a})
    {:ok, b} = DynamicSupervisor.start_child(sup, %{id: :b, start: {Worker, :start_link, [:b]}, restart: :transient})
    {:ok, _c} = DynamicSupervisor.start_child(sup, %{id: :c, start: {Worker, :start_link, [:c]}, restart: :temporary})
    IO.inspect(GenServer.call(a, :name), label: "a")
    IO.inspect(DynamicSupervisor.count_children(sup), label: "count")
    IO.inspect(length(DynamicSupervisor.which_children(sup)), label: "children")

    ref = Process.monitor(a)
    Process.exit(a, :kill)
    receive do
      {:DOWN, ^ref, :process, ^a, _} -> IO.puts("a went down")
    end
    Process.sleep(50)
    IO.inspect(DynamicSupervisor.count_children(sup).active, label: "active after a was killed")
    IO.inspect(Enum.any?(DynamicSupervisor.which_children(sup), fn {_, p, _, _} -> p == a end), label: "a still there")

    GenServer.cast(b, :stop)
    Process.sleep(50)
    IO.inspect(DynamicSupervisor.count_children(sup).active, label: "active after b stopped")

    [{:undefined, pid, :worker, [Worker]} | _] = DynamicSupervisor.which_children(sup)
    IO.inspect(DynamicSupervisor.terminate_child(sup, pid), label: "terminate")
    IO.inspect(DynamicSupervisor.terminate_child(sup, pid), label: "terminate again")
    IO.inspect(DynamicSupervisor.count_children(sup), label: "count")

    {:ok, _} = MySup.start_link(1)
    {:ok, _} = DynamicSupervisor.start_child(MySup, {Worker, :x})
    IO.inspect(DynamicSupervisor.start_child(MySup, {Worker, :y}), label: "over max")
    IO.inspect(MySup.child_spec(2), label: "child_spec")
    IO.inspect(DynamicSupervisor.stop(MySup), label: "stop")
  end
end

Main.run()
