# Primes three ways: trial division with a comprehension, a quicksort of
# a scrambled list, and a sieve over a map of crossed-out numbers.
defmodule Primes do
  def prime?(n) when n < 2, do: false
  def prime?(n), do: Enum.all?(2..isqrt(n)//1, fn d -> rem(n, d) != 0 end)

  def isqrt(n), do: isqrt(n, 1)
  defp isqrt(n, k) when k * k > n, do: k - 1
  defp isqrt(n, k), do: isqrt(n, k + 1)

  def qsort([]), do: []
  def qsort([p | xs]), do: qsort(for(x <- xs, x < p, do: x)) ++ [p] ++ qsort(for(x <- xs, x >= p, do: x))

  def sieve(n) do
    crossed =
      Enum.reduce(2..isqrt(n), %{}, fn p, acc ->
        if Map.has_key?(acc, p), do: acc, else: cross(p * p, p, n, acc)
      end)

    for x <- 2..n, not Map.has_key?(crossed, x), do: x
  end

  defp cross(m, _p, n, acc) when m > n, do: acc
  defp cross(m, p, n, acc), do: cross(m + p, p, n, Map.put(acc, m, true))
end

small = for x <- 1..50, Primes.prime?(x), do: x
:io.format("primes below 50: ~w~n", [small])
scrambled = for x <- 1..100, do: rem(x * 37, 101)
sorted = Primes.qsort(scrambled)
:io.format("sorted: first ~w, last ~w, same as lists:sort ~w~n", [Enum.take(sorted, 5), List.last(sorted), sorted == Enum.sort(scrambled)])
primes = Primes.sieve(20_000)
IO.puts("primes up to 20000: #{length(primes)}, the last #{List.last(primes)}")
twins = for p <- Enum.take(primes, 60), (p + 2) in primes, do: {p, p + 2}
:io.format("twin primes: ~w~n", [Enum.take(twins, 8)])
