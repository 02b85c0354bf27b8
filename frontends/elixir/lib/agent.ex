# Agent: a GenServer (callback module Agent.Server) whose state is changed
# by functions sent to it.
defmodule Agent do
  def start_link(fun, opts \\ []), do: GenServer.start_link(Agent.Server, fun, opts)
  def start(fun, opts \\ []), do: GenServer.start(Agent.Server, fun, opts)
  def start_link(m, f, a, opts), do: GenServer.start_link(Agent.Server, {m, f, a}, opts)
  def start(m, f, a, opts), do: GenServer.start(Agent.Server, {m, f, a}, opts)

  def get(agent, fun, timeout \\ 5000), do: GenServer.call(agent, {:get, fun}, timeout)
  def get(agent, m, f, a, timeout), do: GenServer.call(agent, {:get, {m, f, a}}, timeout)

  def get_and_update(agent, fun, timeout \\ 5000),
    do: GenServer.call(agent, {:get_and_update, fun}, timeout)

  def update(agent, fun, timeout \\ 5000), do: GenServer.call(agent, {:update, fun}, timeout)
  def cast(agent, fun), do: GenServer.cast(agent, {:cast, fun})
  def stop(agent, reason \\ :normal, timeout \\ :infinity), do: GenServer.stop(agent, reason, timeout)
end

defmodule Agent.Server do
  def init(fun), do: {:ok, run(fun, [])}

  def handle_call({:get, fun}, _from, state), do: {:reply, run(fun, [state]), state}

  def handle_call({:get_and_update, fun}, _from, state) do
    case run(fun, [state]) do
      {reply, state} -> {:reply, reply, state}
      other -> {:stop, {:bad_return_value, other}, state}
    end
  end

  def handle_call({:update, fun}, _from, state), do: {:reply, :ok, run(fun, [state])}

  def handle_cast({:cast, fun}, state), do: {:noreply, run(fun, [state])}

  def handle_info(_msg, state), do: {:noreply, state}

  def terminate(_reason, _state), do: :ok

  defp run({m, f, a}, extra), do: apply(m, f, extra ++ a)
  defp run(fun, extra), do: apply(fun, extra)
end
