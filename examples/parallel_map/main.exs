# A parallel map: one process per element, results collected in the
# original order by matching on each worker's reference.
defmodule ParallelMap do
  def pmap(xs, f) do
    parent = self()

    xs
    |> Enum.map(fn x ->
      ref = make_ref()
      spawn(fn -> send(parent, {ref, f.(x)}) end)
      ref
    end)
    |> Enum.map(fn ref ->
      receive do
        {^ref, y} -> y
      end
    end)
  end

  # Steps for the Collatz sequence from n to reach 1.
  def collatz(1), do: 0
  def collatz(n) when rem(n, 2) == 0, do: 1 + collatz(div(n, 2))
  def collatz(n), do: 1 + collatz(3 * n + 1)
end

ns = Enum.to_list(1..2000)
steps = ParallelMap.pmap(ns, &ParallelMap.collatz/1)
:io.format("first ten: ~w~n", [Enum.take(steps, 10)])
IO.puts("total steps: #{Enum.sum(steps)}")
{max, at} = Enum.max(Enum.zip(steps, ns))
IO.puts("longest: #{max} steps from #{at}")
squares = ParallelMap.pmap(1..5, fn x -> x * x end)
:io.format("squares: ~w, sum ~b~n", [squares, Enum.sum(squares)])
