IO.inspect(for x <- 1..3, y <- [:a, :b], do: {x, y})
IO.inspect(for x <- 1..10, rem(x, 2) == 0, x > 4, do: x * x)
IO.inspect(for {name, age} <- [{"a", 30}, {"b", 15}], age >= 18, do: name)
IO.inspect(for {:ok, v} <- [{:ok, 1}, {:error, 2}, {:ok, 3}], do: v)
IO.inspect(for x <- [1, 2, 3], into: %{}, do: {x, x * x})
IO.inspect(for c <- ~w(a b c), into: "", do: String.upcase(c))
IO.inspect(for x <- 1..5, reduce: 0 do
  acc -> acc + x
end)
IO.inspect(for x <- 1..4, reduce: {0, 1} do
  {s, p} -> {s + x, p * x}
end)
IO.inspect(for row <- [[1, 2], [3, 4]], cell <- row, do: cell * 10)
IO.inspect(for x <- 1..3, y = x * 2, do: y + 1)
IO.inspect(for %{name: n} <- [%{name: "x"}, %{other: 1}, %{name: "y"}], do: n)
IO.inspect(for x <- [], do: x)
IO.inspect(for i <- 1..3, j <- 1..3, i < j, do: {i, j})
IO.inspect(for <<c <- "hey">>, into: [], do: c + 1)
IO.inspect(for {k, v} <- %{b: 2, a: 1}, do: "#{k}=#{v}")
triples = for a <- 1..20, b <- a..20, c <- b..20, a * a + b * b == c * c, do: {a, b, c}
IO.inspect(triples)
