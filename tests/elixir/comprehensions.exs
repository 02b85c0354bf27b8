IO.inspect(for x <- 1..5, do: x * x)
IO.inspect(for x <- 1..10, rem(x, 2) == 0, do: x)
IO.inspect(for x <- [1, 2], y <- [:a, :b], do: {x, y})
IO.inspect(for {k, v} <- %{a: 1, b: 2}, into: %{}, do: {k, v * 2})
IO.inspect(for x <- [1, 2, 3], reduce: 0 do
  acc -> acc + x
end)
IO.inspect(for {:ok, v} <- [{:ok, 1}, :error, {:ok, 2}], do: v)
IO.inspect(for x <- ~w(a b c), into: "", do: String.upcase(x))
IO.inspect(for x <- 1..3, y = x * 10, do: y)
