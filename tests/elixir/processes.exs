defmodule Procs do
  def run do
    parent = self()
    pid = spawn(fn ->
      receive do
        {:ping, from} -> send(from, :pong)
      end
    end)
    send(pid, {:ping, parent})
    receive do
      :pong -> IO.puts("got pong")
    end
    IO.inspect(is_pid(pid))
    Process.sleep(10)
    IO.inspect(Process.alive?(pid))
    Process.flag(:trap_exit, true)
    linked = spawn_link(fn -> exit(:crashed) end)
    receive do
      {:EXIT, ^linked, reason} -> IO.inspect({:exit, reason})
    end
    monitor()
    Process.register(self(), :me)
    send(:me, :hello)
    receive do
      :hello -> IO.puts("registered send")
    end
    Process.put(:k, 1)
    IO.inspect(Process.get(:k))
  end

  def monitor do
    {p2, ref} = spawn_monitor(fn -> :ok end)
    receive do
      {:DOWN, ^ref, :process, ^p2, why} -> IO.inspect({:down, why})
    end
  end
end

Procs.run()
