defmodule Search do
  def find_first(list, pred) do
    try do
      Enum.each(list, fn x -> if pred.(x), do: throw({:found, x}) end)
      :not_found
    catch
      {:found, x} -> {:found, x}
    end
  end
end
IO.inspect(Search.find_first([1, 3, 4, 5], &(rem(&1, 2) == 0)))
IO.inspect(Search.find_first([1, 3], &(rem(&1, 2) == 0)))
r = try do
  throw(:oops)
catch
  kind, value -> {kind, value}
end
IO.inspect(r)
r2 = try do
  exit(:shutdown_now)
catch
  :exit, reason -> {:exit_caught, reason}
end
IO.inspect(r2)
r3 = try do
  :erlang.error(:custom_reason)
catch
  :error, reason -> {:error_caught, reason}
end
IO.inspect(r3)
r4 = try do
  raise ArgumentError, "bad arg"
catch
  :error, %ArgumentError{message: m} -> {:arg_error, m}
end
IO.inspect(r4)
r5 = try do
  1 + :a
rescue
  e -> {:rescued, e.__struct__}
after
  IO.puts("cleanup")
end
IO.inspect(r5)
defmodule Nested do
  def run do
    try do
      try do
        raise "inner"
      after
        IO.puts("inner after")
      end
    rescue
      e -> "outer caught: " <> e.message
    end
  end
end
IO.puts(Nested.run())
