defmodule Ticker do
  use GenServer
  def start_link(n), do: GenServer.start_link(__MODULE__, n)
  def init(n), do: {:ok, {n, []}, 20}
  def handle_info(:timeout, {0, acc}) do
    send(:tester, {:done, Enum.reverse(acc)})
    {:noreply, {0, acc}}
  end
  def handle_info(:timeout, {n, acc}), do: {:noreply, {n - 1, [n | acc]}, 10}
  def handle_call(:slow, _from, s) do
    Process.sleep(200)
    {:reply, :late, s}
  end
end

Process.register(self(), :tester)
{:ok, pid} = Ticker.start_link(3)
receive do
  {:done, ticks} -> IO.inspect(ticks)
after
  2000 -> IO.puts("no ticks")
end
r =
  try do
    GenServer.call(pid, :slow, 50)
  catch
    :exit, {:timeout, {GenServer, :call, _}} -> :call_timed_out
  end
IO.inspect(r)
