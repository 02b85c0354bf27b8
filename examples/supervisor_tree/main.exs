# A supervision tree: a top supervisor over a counter server and a
# sub-supervisor of two workers. Crashing a child restarts it with fresh
# state; the rest of the tree is untouched.
defmodule Counter do
  use GenServer

  def start_link(_), do: GenServer.start_link(__MODULE__, 0, name: :counter)

  @impl true
  def init(n) do
    IO.puts("counter starting")
    {:ok, n}
  end

  @impl true
  def handle_cast(:bump, n), do: {:noreply, n + 1}

  @impl true
  def handle_call(:get, _from, n), do: {:reply, n, n}
end

defmodule Worker do
  def child_spec(name), do: %{id: name, start: {__MODULE__, :start_link, [name]}}

  def start_link(name) do
    pid = spawn_link(fn -> loop() end)
    Process.register(pid, name)
    :io.format("~p starting~n", [name])
    {:ok, pid}
  end

  defp loop do
    receive do
      _ -> loop()
    end
  end
end

defmodule Tree do
  def main do
    # Restarts write supervisor reports; this example prints its own story.
    :logger.set_primary_config(:level, :none)

    workers = %{
      id: :workers,
      type: :supervisor,
      start: {Supervisor, :start_link, [[{Worker, :alpha}, {Worker, :beta}], [strategy: :one_for_one, name: :workers]]}
    }

    {:ok, top} = Supervisor.start_link([Supervisor.child_spec(Counter, id: :counter), workers], strategy: :one_for_one, max_restarts: 5, max_seconds: 10, name: :top)
    GenServer.cast(:counter, :bump)
    GenServer.cast(:counter, :bump)
    :io.format("counter says ~p~n", [GenServer.call(:counter, :get)])
    :io.format("top has ~p~n", [ids(top)])
    :io.format("workers has ~p~n", [ids(:workers)])
    alpha = Process.whereis(:alpha)
    counter = Process.whereis(:counter)
    Process.exit(counter, :kill)
    wait_restart(:counter, counter)
    :io.format("after the crash the counter says ~p~n", [GenServer.call(:counter, :get)])
    :io.format("alpha untouched: ~p~n", [Process.whereis(:alpha) == alpha])
    Process.exit(alpha, :kill)
    wait_restart(:alpha, alpha)
    :io.format("alpha restarted: ~p~n", [Process.whereis(:alpha) != alpha])
    :io.format("~p~n", [Supervisor.count_children(:top) |> Map.to_list() |> Enum.sort_by(&order/1)])
    Process.unlink(top)
    ref = Process.monitor(top)
    Process.exit(top, :shutdown)

    receive do
      {:DOWN, ^ref, :process, ^top, :shutdown} -> :ok
    end

    :io.format("all gone: ~p~n", [Enum.map([:top, :workers, :counter, :alpha, :beta], &:erlang.whereis/1)])
  end

  defp order({key, _}), do: Enum.find_index([:specs, :active, :supervisors, :workers], &(&1 == key))

  # Restarts are asynchronous: wait until name is registered to a new pid.
  defp wait_restart(name, old) do
    case Process.whereis(name) do
      new when is_pid(new) and new != old ->
        new

      _ ->
        Process.sleep(5)
        wait_restart(name, old)
    end
  end

  defp ids(sup), do: sup |> Supervisor.which_children() |> Enum.reverse() |> Enum.map(&elem(&1, 0))
end

Tree.main()
