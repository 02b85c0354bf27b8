defmodule Stack do
  use GenServer

  def start_link(items), do: GenServer.start_link(__MODULE__, items, name: __MODULE__)
  def push(x), do: GenServer.cast(__MODULE__, {:push, x})
  def pop, do: GenServer.call(__MODULE__, :pop)
  def size, do: GenServer.call(__MODULE__, :size)

  @impl true
  def init(items), do: {:ok, items, {:continue, :announce}}

  @impl true
  def handle_continue(:announce, items) do
    IO.puts("stack ready with #{length(items)} items")
    {:noreply, items}
  end

  @impl true
  def handle_call(:pop, _from, [h | t]), do: {:reply, {:ok, h}, t}
  def handle_call(:pop, _from, []), do: {:reply, :empty, []}
  def handle_call(:size, _from, items), do: {:reply, length(items), items}

  @impl true
  def handle_cast({:push, x}, items), do: {:noreply, [x | items]}

  @impl true
  def handle_info({:bulk, xs}, items), do: {:noreply, xs ++ items}
  def handle_info(other, items) do
    IO.inspect(other, label: "unexpected")
    {:noreply, items}
  end
end

{:ok, pid} = Stack.start_link([1, 2])
Stack.push(0)
IO.inspect(Stack.size())
IO.inspect(Stack.pop())
send(pid, {:bulk, [:a, :b]})
send(pid, :ping)
IO.inspect(Stack.size())
IO.inspect(Stack.pop())
IO.inspect(Stack.pop())
IO.inspect(Stack.pop())
IO.inspect(Stack.pop())
IO.inspect(Stack.pop())
IO.inspect(GenServer.whereis(Stack) == pid)
GenServer.stop(pid)
IO.inspect(Process.alive?(pid))
