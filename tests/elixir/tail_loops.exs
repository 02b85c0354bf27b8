defmodule Loop do
  def count(0, acc), do: acc
  def count(n, acc), do: count(n - 1, acc + 1)

  def sum_to(n), do: sum_to(n, 0)
  defp sum_to(0, acc), do: acc
  defp sum_to(n, acc), do: sum_to(n - 1, acc + n)

  def collatz(1, steps), do: steps
  def collatz(n, steps) when rem(n, 2) == 0, do: collatz(div(n, 2), steps + 1)
  def collatz(n, steps), do: collatz(3 * n + 1, steps + 1)

  def primes(n), do: sieve(Enum.to_list(2..n), [])
  defp sieve([], acc), do: Enum.reverse(acc)
  defp sieve([p | rest], acc), do: sieve(for(x <- rest, rem(x, p) != 0, do: x), [p | acc])
end

IO.inspect(Loop.count(1_000_000, 0))
IO.inspect(Loop.sum_to(100_000))
IO.inspect(Loop.collatz(27, 0))
IO.inspect(Enum.max_by(1..1000, &Loop.collatz(&1, 0)))
IO.inspect(Loop.primes(100))
IO.inspect(Enum.reduce(1..200_000, 0, &+/2))
IO.inspect(length(Enum.to_list(1..300_000)))
IO.inspect(Stream.iterate(1, &(&1 + 1)) |> Enum.take(100_000) |> length())
