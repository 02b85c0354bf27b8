data = %{
  users: Enum.map(1..4, fn i -> %{id: i, name: "user#{i}", roles: [:admin, :dev]} end),
  meta: {:ok, [count: 4, page: 1]},
  raw: <<1, 2, 3>>,
  text: "line\nbreak"
}
IO.inspect(data)
IO.inspect(Enum.to_list(1..100))
IO.inspect(data, label: "data")
IO.puts(inspect(data))
IO.inspect([1, [2, [3, [4, [5]]]]])
IO.inspect({:a, {:b, {:c, "deep"}}})
IO.inspect(%{1 => "one", :two => 2, "three" => [3]})
IO.inspect(["a", "b"], label: "strings")
IO.inspect(1.5)
IO.inspect(100.0)
IO.inspect(0.1 + 0.2)
IO.inspect(1.0e-10)
IO.inspect(123456789012345678901234567890)
IO.inspect(:"quoted atom")
IO.inspect([foo: :bar, "baz qux": 1])
IO.inspect(Enum.to_list(1..60) |> Enum.map(&Integer.to_string/1))
