defmodule User do
  defstruct name: "anon", age: 0, tags: []
end

defmodule Demo do
  def run do
    u = %User{name: "Ann"}
    IO.inspect(u)
    IO.inspect(u.name)
    u2 = %User{u | age: 30}
    IO.inspect(u2)
    %User{age: age} = u2
    IO.inspect(age)
    IO.inspect(is_map(u))
    case u2 do
      %User{name: "Ann", age: n} when n > 18 -> IO.puts("adult Ann")
      _ -> IO.puts("other")
    end
  end
end

m = %{a: 1, b: 2}
IO.inspect(m)
IO.inspect(m.a)
IO.inspect(m[:b])
IO.inspect(m[:zzz])
m2 = %{m | a: 100}
IO.inspect(m2)
IO.inspect(Map.put(m, :c, 3))
IO.inspect(Map.keys(m))
IO.inspect(Map.values(m))
IO.inspect(Map.get(m, :x, :default))
IO.inspect(Map.update(m, :a, 0, &(&1 + 1)))
IO.inspect(Map.delete(m, :a))
IO.inspect(Map.merge(m, %{c: 3}))
IO.inspect(Map.to_list(m))
IO.inspect(%{"key" => "value", 1 => :one})
%{a: a} = m
IO.inspect(a)
Demo.run()
IO.inspect(Map.has_key?(m, :a))
IO.inspect(Map.fetch(m, :a))
IO.inspect(Map.fetch(m, :z))
nested = %{outer: %{inner: [1, 2]}}
IO.inspect(get_in(nested, [:outer, :inner]))
IO.inspect(put_in(nested, [:outer, :inner], :x))
