defmodule MyError do
  defexception message: "my default"
end

r =
  try do
    raise "boom"
  rescue
    e in RuntimeError -> {:rescued, e.message}
  end
IO.inspect(r)

r2 =
  try do
    1 / 0
  rescue
    e in ArithmeticError -> Exception.message(e)
  end
IO.inspect(r2)

IO.inspect(try do
  raise MyError
rescue
  e -> e
end)

IO.inspect(try do
  raise MyError, "custom"
rescue
  e in [MyError] -> e.message
end)

IO.inspect(try do
  throw(:ball)
catch
  x -> {:caught, x}
end)

IO.inspect(try do
  exit(:bye)
catch
  :exit, reason -> {:exit, reason}
end)

try do
  IO.puts("body")
after
  IO.puts("after")
end

IO.inspect(try do
  {:ok, 1}
else
  {:ok, v} -> v + 1
end)

IO.inspect(try do
  %{}.missing
rescue
  e in KeyError -> Exception.message(e)
end)

IO.inspect(try do
  {:a} = {:b}
rescue
  e in MatchError -> Exception.message(e)
end)

IO.inspect(try do
  case 5 do
    1 -> :one
  end
rescue
  e -> Exception.message(e)
end)

IO.inspect(try do
  raise ArgumentError, "bad arg"
rescue
  e -> {e.__struct__, e.message}
end)

defmodule F do
  def only_one(1), do: :one
end

IO.inspect(try do
  F.only_one(2)
rescue
  e in FunctionClauseError -> Exception.message(e)
end)
