IO.inspect(Enum.to_list(1..60))
IO.inspect(Enum.to_list(1..60), limit: 10)
IO.inspect(Enum.to_list(1..60), limit: :infinity)
IO.inspect([104, 101, 108, 108, 111])
IO.inspect([104, 101, 108, 108, 111], charlists: :as_lists)
IO.inspect("text", label: "label")
IO.inspect(%{a: [1, 2, 3], b: %{c: "deep", d: [x: 1, y: 2]}, e: {1, 2, 3}}, label: "nested")
data = %{
  users: [
    %{name: "Alice", email: "alice@example.com", roles: [:admin, :editor], active: true},
    %{name: "Bob", email: "bob@example.com", roles: [:viewer], active: false}
  ],
  settings: %{theme: "dark", notifications: %{email: true, sms: false, push: true}},
  version: {1, 14, 0}
}
IO.inspect(data)
IO.inspect(data, width: 40)
IO.puts(inspect(data, pretty: true, width: 60))
IO.puts(inspect([1, 2, 3], pretty: true))
IO.puts(inspect({:ok, "value"}))
IO.inspect(Enum.map(1..30, &{&1, &1 * &1}))
IO.inspect(String.duplicate("abc", 40))
IO.inspect(1..100 |> Enum.map(&Integer.to_string/1) |> Enum.join(","))
IO.inspect([a: 1, b: 2], label: :kw)
IO.inspect(:ok, label: "result")
