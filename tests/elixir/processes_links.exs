defmodule Main do
  def run do
    Process.flag(:trap_exit, true)
    pid = spawn_link(fn -> exit(:boom) end)
    receive do
      {:EXIT, ^pid, reason} -> IO.inspect({:exited, reason})
    end
    pid2 = spawn_link(fn -> :ok end)
    receive do
      {:EXIT, ^pid2, reason} -> IO.inspect({:exited, reason})
    end
    {pid3, ref} = spawn_monitor(fn -> exit({:shutdown, "oops"}) end)
    receive do
      {:DOWN, ^ref, :process, ^pid3, {:shutdown, m}} -> IO.inspect({:down, m})
    end
    ref2 = Process.monitor(spawn(fn -> Process.sleep(10) end))
    receive do
      {:DOWN, ^ref2, :process, _, reason} -> IO.inspect({:down, reason})
    end
    parent = self()
    children = for i <- 1..5, do: spawn(fn -> send(parent, {:result, i, i * i}) end)
    IO.inspect(length(children))
    results = for _ <- 1..5, do: (receive do {:result, i, sq} -> {i, sq} end)
    IO.inspect(Enum.sort(results))
    Process.register(self(), :main_proc)
    send(:main_proc, :hello_me)
    receive do
      :hello_me -> IO.puts("got registered message")
    end
    IO.inspect(Process.whereis(:main_proc) == self())
    IO.inspect(Process.alive?(self()))
    p = spawn(fn -> receive do
      :stop -> :ok
    end end)
    IO.inspect(Process.alive?(p))
    send(p, :stop)
    Process.sleep(20)
    IO.inspect(Process.alive?(p))
    Process.put(:k, 1)
    IO.inspect(Process.get(:k))
    IO.inspect(Process.get(:nothing, :dflt))
    receive do
      _ -> :unexpected
    after
      10 -> IO.puts("timeout hit")
    end
  end
end

Main.run()
