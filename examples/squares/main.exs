# The article's first program: spawn one worker per number, each sends its
# square back, and the parent sums the five replies.
defmodule Squares do
  def run do
    parent = self()
    # spawn one process per number; each sends {n, n*n} back.
    1..5
    |> Enum.each(fn n ->
      spawn(fn -> send(parent, {n, n * n}) end)
    end)

    # collect 5 replies and sum the squares.
    Enum.reduce(1..5, 0, fn _i, sum ->
      receive do
        {_n, square} -> sum + square
      end
    end)
  end
end

IO.inspect(Squares.run())
