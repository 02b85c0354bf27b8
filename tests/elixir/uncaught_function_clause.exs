defmodule Only do
  def positive(x) when x > 0, do: x
end
IO.puts("start")
IO.puts(Only.positive(1))
Only.positive(-1)
