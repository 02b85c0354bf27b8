defmodule HOF do
  def compose(fs), do: Enum.reduce(fs, fn f, acc -> fn x -> f.(acc.(x)) end end)
  def curry2(f), do: fn a -> fn b -> f.(a, b) end end
  def memo_fib(n), do: elem(fib(n, %{}), 0)
  defp fib(n, memo) when n < 2, do: {n, memo}
  defp fib(n, memo) do
    case memo do
      %{^n => v} -> {v, memo}
      _ ->
        {a, memo} = fib(n - 1, memo)
        {b, memo} = fib(n - 2, memo)
        {a + b, Map.put(memo, n, a + b)}
    end
  end
  def counter do
    fn -> :ok end
  end
  def apply_n(f, n, x), do: Enum.reduce(1..n, x, fn _, acc -> f.(acc) end)
end
inc_then_double = HOF.compose([&(&1 + 1), &(&1 * 2), &(&1 - 3)])
IO.inspect(inc_then_double.(5))
add = HOF.curry2(&+/2)
add5 = add.(5)
IO.inspect(add5.(10))
IO.inspect(HOF.memo_fib(90))
IO.inspect(HOF.apply_n(&(&1 * 2), 10, 1))
adders = for n <- 1..3, do: fn x -> x + n end
IO.inspect(Enum.map(adders, & &1.(100)))
IO.inspect(Enum.map([1, 2, 3], &HOF.apply_n(fn x -> x + &1 end, 2, 0)))
sorter = &Enum.sort(&1, fn a, b -> a >= b end)
IO.inspect(sorter.([3, 1, 2]))
IO.inspect(Enum.filter(1..20, &(rem(&1, 3) == 0 and rem(&1, 2) == 0)))
IO.inspect((fn x, y -> x * y end).(6, 7))
IO.inspect(Enum.reduce([&String.upcase/1, &String.reverse/1], "abc", fn f, acc -> f.(acc) end))
