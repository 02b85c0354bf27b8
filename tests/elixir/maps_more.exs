m = %{a: 1, b: 2, c: 3}
IO.inspect(Map.put_new(m, :a, 100))
IO.inspect(Map.put_new(m, :d, 4))
IO.inspect(Map.update!(m, :b, &(&1 * 10)))
IO.inspect(Map.update(m, :z, 0, &(&1 + 1)))
IO.inspect(Map.merge(m, %{c: 30, d: 40}))
IO.inspect(Map.merge(m, %{c: 30}, fn _k, v1, v2 -> v1 + v2 end))
IO.inspect(Map.take(m, [:a, :c]))
IO.inspect(Map.drop(m, [:a]))
IO.inspect(Map.split(m, [:a, :b]))
IO.inspect(Map.to_list(m))
IO.inspect(Map.new([{"k", 1}]))
IO.inspect(Map.new(1..3, fn i -> {i, i * i} end))
IO.inspect(Map.filter(m, fn {_k, v} -> v > 1 end))
IO.inspect(Map.reject(m, fn {_k, v} -> v > 1 end))
IO.inspect(Map.values(m))
IO.inspect(Map.has_key?(m, :b))
IO.inspect(Map.fetch(m, :b))
IO.inspect(Map.fetch(m, :q))
IO.inspect(Map.pop(m, :a))
IO.inspect(Map.get_lazy(m, :q, fn -> :lazy end))
IO.inspect(Map.delete(m, :b))
IO.inspect(map_size(m))
IO.inspect(Enum.reduce(m, 0, fn {_, v}, acc -> v + acc end))
IO.inspect(for {k, v} <- m, into: %{}, do: {v, k})
IO.inspect(%{m | a: :updated})
IO.inspect(%{"b" => 1, "a" => 2, 3 => :int, :atom => :x})
IO.inspect(%{{1, 2} => :tuple_key, [1] => :list_key})
big = Map.new(1..40, fn i -> {i, i} end)
IO.inspect(map_size(big))
IO.inspect(Map.keys(big) |> Enum.sort() |> Enum.take(5))
try do
  Map.fetch!(m, :missing)
rescue
  e in KeyError -> IO.puts(Exception.message(e))
end
try do
  %{m | missing: 1}
rescue
  e in KeyError -> IO.puts(Exception.message(e))
end
