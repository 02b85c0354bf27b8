data = %{users: [%{name: "a", roles: [:admin]}, %{name: "b", roles: []}], meta: %{count: 2}}
IO.inspect(get_in(data, [:meta, :count]))
IO.inspect(put_in(data, [:meta, :count], 3).meta)
IO.inspect(update_in(data, [:meta, :count], &(&1 * 10)).meta)
IO.inspect(data[:meta][:count])
IO.inspect(data.meta.count)
kw = [a: [b: 1]]
IO.inspect(get_in(kw, [:a, :b]))
IO.inspect(put_in(kw, [:a, :b], 2))
IO.inspect(Map.get(data, :missing))
m = %{"k" => %{"n" => 1}}
IO.inspect(m["k"]["n"])
IO.inspect(get_in(m, ["k", "n"]))
IO.inspect(update_in(m, ["k", "n"], &(&1 + 1)))
{old, new} = get_and_update_in(data, [:meta, :count], &{&1, &1 + 100})
IO.inspect({old, new.meta})
IO.inspect(pop_in(data, [:meta, :count]) |> elem(1) |> Map.get(:meta))
IO.inspect(Access.get(%{a: 1}, :a))
IO.inspect(put_in(data.meta.count, 9).meta)
