# Naive doubly recursive Fibonacci: the sequential-speed workload.
defmodule Fib do
  def fib(n) when n < 2, do: n
  def fib(n), do: fib(n - 1) + fib(n - 2)

  # Big integers come for free: fib(300) by iteration.
  def fast_fib(0, a, _b), do: a
  def fast_fib(n, a, b), do: fast_fib(n - 1, b, a + b)
end

for n <- [0, 1, 2, 10, 20, 25] do
  IO.puts("fib(#{n}) = #{Fib.fib(n)}")
end

IO.puts("fib(300) = #{Fib.fast_fib(300, 0, 1)}")
