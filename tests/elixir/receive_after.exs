send(self(), {:low, 1})
send(self(), {:high, 2})
send(self(), {:low, 3})

defmodule P do
  def drain(acc) do
    receive do
      {:high, msg} -> drain([{:high, msg} | acc])
    after
      0 ->
        receive do
          {_prio, msg} -> drain([{:normal, msg} | acc])
        after
          0 -> Enum.reverse(acc)
        end
    end
  end
end

IO.inspect(P.drain([]))
receive do
  x -> IO.inspect(x)
after
  50 -> IO.puts("empty")
end
ref = make_ref()
send(self(), {ref, :answer})
receive do
  {^ref, v} -> IO.inspect(v)
end
