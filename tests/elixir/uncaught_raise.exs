defmodule Boom do
  def go, do: raise(ArgumentError, "nope")
end
IO.puts("start")
Boom.go()
