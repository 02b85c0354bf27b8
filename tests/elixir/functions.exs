defmodule Math do
  def fact(0), do: 1
  def fact(n) when n > 0, do: n * fact(n - 1)

  def fib(n) when n < 2, do: n
  def fib(n), do: fib(n - 1) + fib(n - 2)

  def greet(name, greeting \\ "Hello"), do: "#{greeting}, #{name}"

  defp secret, do: 42
  def reveal, do: secret()

  def sum_list([]), do: 0
  def sum_list([h | t]), do: h + sum_list(t)
end

IO.inspect(Math.fact(20))
IO.inspect(Math.fact(30))
IO.inspect(Enum.map(0..10, &Math.fib/1))
IO.puts(Math.greet("Ann"))
IO.puts(Math.greet("Bob", "Hi"))
IO.inspect(Math.reveal())
IO.inspect(Math.sum_list([1, 2, 3, 4]))
add = fn a, b -> a + b end
IO.inspect(add.(1, 2))
inc = &(&1 + 1)
IO.inspect(inc.(41))
IO.inspect(Enum.map([1, 2, 3], &(&1 * &1)))
f = fn
  {:ok, v} -> v
  :error -> :failed
end
IO.inspect({f.({:ok, 3}), f.(:error)})
len = &length/1
IO.inspect(len.([1, 2]))
up = &String.upcase/1
IO.inspect(up.("x"))
compose = fn f, g -> fn x -> g.(f.(x)) end end
IO.inspect(compose.(inc, &(&1 * 2)).(5))
