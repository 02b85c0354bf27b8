# Links and monitors: a crash travels along links (and kills the linked
# process unless it traps exits); a monitor only reports it.
defmodule LinksMonitors do
  def main do
    # A monitor sees a worker's crash reason without being hurt by it.
    {pid, ref} = spawn_monitor(fn -> exit({:bad_input, 42}) end)

    receive do
      {:DOWN, ^ref, :process, ^pid, why} -> :io.format("monitor: ~p~n", [why])
    end

    # A monitor on a process that is already gone says noproc.
    ref2 = Process.monitor(pid)

    receive do
      {:DOWN, ^ref2, :process, ^pid, why} -> :io.format("late monitor: ~p~n", [why])
    end

    # Trapping exits turns a linked crash into a message.
    Process.flag(:trap_exit, true)
    linked = spawn_link(fn -> exit(:boom) end)

    receive do
      {:EXIT, ^linked, r} -> :io.format("trapped: ~p~n", [r])
    end

    # A normal exit is a message too when trapping, and harmless otherwise.
    normal = spawn_link(fn -> :ok end)

    receive do
      {:EXIT, ^normal, r} -> :io.format("normal exit: ~p~n", [r])
    end

    # A chain: middle is linked to us and to a worker; the worker crashes,
    # middle (not trapping) dies with the same reason, and we hear of it.
    middle =
      spawn_link(fn ->
        worker =
          spawn_link(fn ->
            receive do
              :go -> exit(:chain_reaction)
            end
          end)

        send(worker, :go)
        Process.sleep(:infinity)
      end)

    receive do
      {:EXIT, ^middle, r} -> :io.format("middle died: ~p~n", [r])
    end

    # kill cannot be trapped; the linked process dies with reason killed.
    victim =
      spawn_link(fn ->
        Process.flag(:trap_exit, true)
        Process.sleep(:infinity)
      end)

    Process.exit(victim, :kill)

    receive do
      {:EXIT, ^victim, r} -> :io.format("killed: ~p~n", [r])
    end

    # Demonitor with flush: no :DOWN arrives after it.
    {p5, ref5} =
      spawn_monitor(fn ->
        receive do
          :stop -> :ok
        end
      end)

    Process.demonitor(ref5, [:flush])
    send(p5, :stop)

    receive do
      {:DOWN, ^ref5, _, _, _} -> IO.puts("unexpected DOWN")
    after
      50 -> IO.puts("demonitored: no DOWN")
    end
  end
end

LinksMonitors.main()
