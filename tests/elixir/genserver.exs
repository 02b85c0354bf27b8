defmodule Stack do
  use GenServer

  def start_link(init), do: GenServer.start_link(__MODULE__, init, name: :stack)
  def push(x), do: GenServer.cast(:stack, {:push, x})
  def pop(), do: GenServer.call(:stack, :pop)

  @impl true
  def init(list), do: {:ok, list, {:continue, :warm}}

  @impl true
  def handle_continue(:warm, state) do
    {:noreply, [:warm | state]}
  end

  @impl true
  def handle_call(:pop, _from, [h | t]), do: {:reply, h, t}
  def handle_call(:pop, _from, []), do: {:reply, nil, []}
  def handle_call(:slow, from, state) do
    spawn(fn -> Process.sleep(10); GenServer.reply(from, :late) end)
    {:noreply, state}
  end
  def handle_call(:stop_me, _from, state), do: {:stop, :normal, :bye, state}

  @impl true
  def handle_cast({:push, x}, state), do: {:noreply, [x | state]}

  @impl true
  def handle_info(:tick, state) do
    IO.puts("tick #{length(state)}")
    {:noreply, state}
  end

  @impl true
  def terminate(reason, state) do
    IO.puts("terminate #{inspect(reason)} #{inspect(state)}")
  end
end

{:ok, pid} = Stack.start_link([1, 2])
IO.puts(is_pid(pid))
IO.puts(Process.whereis(:stack) == pid)
Stack.push(0)
IO.inspect(Stack.pop())
IO.inspect(Stack.pop())
send(:stack, :tick)
IO.inspect(GenServer.call(:stack, :slow))
IO.inspect(GenServer.call(pid, :stop_me))
Process.sleep(10)
IO.inspect(Process.alive?(pid))

defmodule Failing do
  use GenServer
  def init(:bad), do: {:stop, :no_way}
  def init(:ignore), do: :ignore
  def init(n), do: {:ok, n, 20}
  def handle_info(:timeout, n) do
    IO.puts("timeout #{n}")
    {:noreply, n + 1}
  end
  def handle_call(:get, _from, n), do: {:reply, n, n}
  def handle_call(:sleep, _from, n) do
    Process.sleep(100)
    {:reply, n, n}
  end
end

IO.inspect(GenServer.start(Failing, :bad))
IO.inspect(GenServer.start(Failing, :ignore))
{:ok, f} = GenServer.start(Failing, 5, name: :failing)
IO.inspect(GenServer.start(Failing, 5, name: :failing) == {:error, {:already_started, f}})
Process.sleep(50)
IO.inspect(GenServer.call(:failing, :get))
r = try do
  GenServer.call(:failing, :sleep, 10)
catch
  :exit, {reason, {mod, fun, _}} -> {reason, mod, fun}
end
IO.inspect(r)
IO.inspect(GenServer.stop(:failing))
IO.inspect(Process.whereis(:failing))
r2 = try do
  GenServer.call(:nobody, :hi)
catch
  :exit, {reason, _} -> reason
end
IO.inspect(r2)
