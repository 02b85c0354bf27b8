# Keyword: merge/2,3 (with an error for a non-keyword), replace(!), update!,
# lazy variants, get_and_update(!), pop variants, validate(!).
IO.inspect(Keyword.merge([a: 1, b: 2], [b: 3, c: 4]))
IO.inspect(Keyword.merge([a: 1, b: 2, a: 5], [a: 3]))
IO.inspect(Keyword.merge([a: 1, b: 2], [b: 3, c: 4], fn _k, v1, v2 -> v1 + v2 end))
IO.inspect(Keyword.merge([a: 1, b: 2, a: 3], [a: 10], fn _k, v1, v2 -> v1 + v2 end))
try do
  Keyword.merge([a: 1], [{"b", 2}])
rescue
  e -> IO.puts(Exception.message(e))
end
try do
  Keyword.merge([{"a", 1}], [b: 2])
rescue
  e -> IO.puts(Exception.message(e))
end
IO.inspect(Keyword.replace([a: 1, b: 2, a: 3], :a, :new))
IO.inspect(Keyword.replace([a: 1], :b, :new))
IO.inspect(Keyword.replace!([a: 1, b: 2, a: 3], :a, :new))
try do
  Keyword.replace!([a: 1], :b, 2)
rescue
  e -> IO.puts(Exception.message(e))
end
IO.inspect(Keyword.replace_lazy([a: 1, b: 2], :a, &(&1 * 10)))
IO.inspect(Keyword.update!([a: 1, b: 2, a: 3], :a, &(&1 * 2)))
try do
  Keyword.update!([a: 1], :b, & &1)
rescue
  e -> IO.puts(Exception.message(e))
end
IO.inspect(Keyword.get_lazy([a: 1], :b, fn -> :lazy end))
IO.inspect(Keyword.put_new_lazy([a: 1], :b, fn -> 2 end))
IO.inspect(Keyword.get_and_update([a: 1, b: 2], :a, fn v -> {v, v + 1} end))
IO.inspect(Keyword.get_and_update([a: 1], :c, fn v -> {v, :new} end))
IO.inspect(Keyword.get_and_update([a: 1, b: 2], :a, fn _ -> :pop end))
IO.inspect(Keyword.get_and_update!([a: 1, b: 2], :b, fn v -> {v, v * 3} end))
try do
  Keyword.get_and_update!([a: 1], :b, fn v -> {v, v} end)
rescue
  e -> IO.puts(Exception.message(e))
end
try do
  Keyword.get_and_update([a: 1], :a, fn _ -> :bad end)
rescue
  e -> IO.puts(Exception.message(e))
end
IO.inspect(Keyword.pop!([a: 1, b: 2, a: 3], :a))
IO.inspect(Keyword.pop_lazy([a: 1], :b, fn -> 0 end))
IO.inspect(Keyword.pop_values([a: 1, b: 2, a: 3], :a))
IO.inspect(Keyword.delete_first([a: 1, b: 2, a: 3], :a))
IO.inspect(Keyword.validate([one: 1, two: 2], [:one, :two]))
IO.inspect(Keyword.validate([one: 1], [:one, two: 2, three: 3]))
IO.inspect(Keyword.validate([one: 1, three: 3, four: 4], [:one, :two]))
IO.inspect(Keyword.validate!([one: 1], [:one, two: 2]))
try do
  Keyword.validate!([three: 3], [:one, two: 2])
rescue
  e -> IO.puts(Exception.message(e))
end
