defmodule Rec do
  def fib(0), do: 0
  def fib(1), do: 1
  def fib(n), do: fib(n - 1) + fib(n - 2)

  def sum([]), do: 0
  def sum([h | t]), do: h + sum(t)

  def len(list), do: len(list, 0)
  defp len([], acc), do: acc
  defp len([_ | t], acc), do: len(t, acc + 1)

  def reverse(l), do: reverse(l, [])
  defp reverse([], acc), do: acc
  defp reverse([h | t], acc), do: reverse(t, [h | acc])

  def qsort([]), do: []
  def qsort([p | rest]) do
    {smaller, larger} = Enum.split_with(rest, &(&1 < p))
    qsort(smaller) ++ [p] ++ qsort(larger)
  end

  def hanoi(0, _, _, _), do: 0
  def hanoi(n, from, to, via), do: hanoi(n - 1, from, via, to) + 1 + hanoi(n - 1, via, to, from)

  def ackermann(0, n), do: n + 1
  def ackermann(m, 0), do: ackermann(m - 1, 1)
  def ackermann(m, n), do: ackermann(m - 1, ackermann(m, n - 1))

  def fact(0), do: 1
  def fact(n) when n > 0, do: n * fact(n - 1)

  def count_down(0), do: IO.puts("liftoff")
  def count_down(n) do
    IO.puts(n)
    count_down(n - 1)
  end

  def flatten([]), do: []
  def flatten([h | t]) when is_list(h), do: flatten(h) ++ flatten(t)
  def flatten([h | t]), do: [h | flatten(t)]
end

IO.puts(Rec.fib(20))
IO.puts(Rec.sum(Enum.to_list(1..100)))
IO.puts(Rec.len([1, 2, 3]))
IO.inspect(Rec.reverse([1, 2, 3]))
IO.inspect(Rec.qsort([3, 6, 1, 8, 2, 9, 4]))
IO.puts(Rec.hanoi(10, :a, :c, :b))
IO.puts(Rec.ackermann(2, 3))
IO.puts(Rec.fact(30))
Rec.count_down(3)
IO.inspect(Rec.flatten([1, [2, [3, [4]], 5]]))
IO.puts(Rec.len(Enum.to_list(1..100_000)))
