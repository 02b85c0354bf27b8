defmodule Process do
  def sleep(ms) do
    receive do
    after
      ms -> :ok
    end
  end
  def send(dest, msg, _opts), do: :erlang.send(dest, msg)
  def send_after(dest, msg, time), do: :erlang.send_after(time, dest, msg)
  def alive?(pid), do: :erlang.is_process_alive(pid)
  def flag(f, v), do: :erlang.process_flag(f, v)
  def link(pid), do: :erlang.link(pid)
  def unlink(pid), do: :erlang.unlink(pid)
  def monitor(pid), do: :erlang.monitor(:process, pid)
  def demonitor(ref, opts \\ []), do: :erlang.demonitor(ref, opts)
  def exit(pid, reason), do: :erlang.exit(pid, reason)
  def register(pid, name), do: :erlang.register(name, pid)
  def unregister(name), do: :erlang.unregister(name)
  def whereis(name) do
    case :erlang.whereis(name) do
      :undefined -> nil
      pid -> pid
    end
  end
  def get(k, default \\ nil) do
    case :erlang.get(k) do
      :undefined -> default
      v -> v
    end
  end
  def get(), do: :erlang.get()
  def put(k, v) do
    case :erlang.put(k, v) do
      :undefined -> nil
      old -> old
    end
  end
  def delete(k) do
    case :erlang.erase(k) do
      :undefined -> nil
      old -> old
    end
  end
  def group_leader(), do: :erlang.group_leader()
  def group_leader(pid, leader), do: :erlang.group_leader(leader, pid)
  def info(pid), do: :erlang.process_info(pid)
  def info(pid, item), do: :erlang.process_info(pid, item)
  def list(), do: :erlang.processes()
  def registered(), do: :erlang.registered()
  def spawn(fun, _opts), do: :erlang.spawn(fun)
  def cancel_timer(ref), do: :erlang.cancel_timer(ref)
end
