# MapSet as Elixir 1.14 represents it: %MapSet{map: %{elem => []}, version: 2}.
# inspect prints MapSet.new([...]) (Kernel.__prepare__ and the native printer).
defmodule MapSet do
  defstruct map: %{}, version: 2

  def new(), do: %MapSet{}
  def new(%MapSet{} = s), do: s
  def new(enum), do: %MapSet{map: :maps.from_list(for x <- Enum.to_list(enum), do: {x, []})}
  def new(enum, fun), do: new(Enum.map(enum, fun))

  def put(%MapSet{map: m} = s, x), do: %{s | map: :maps.put(x, [], m)}
  def delete(%MapSet{map: m} = s, x), do: %{s | map: :maps.remove(x, m)}
  def member?(%MapSet{map: m}, x), do: :erlang.is_map_key(x, m)
  def size(%MapSet{map: m}), do: :erlang.map_size(m)
  def to_list(%MapSet{map: m}), do: :maps.keys(m)

  def union(%MapSet{map: a} = s, %MapSet{map: b}), do: %{s | map: :maps.merge(a, b)}

  def intersection(%MapSet{map: a} = s, %MapSet{map: b}) do
    %{s | map: :maps.from_list(for {k, v} <- :maps.to_list(a), :erlang.is_map_key(k, b), do: {k, v})}
  end

  def difference(%MapSet{map: a} = s, %MapSet{map: b}) do
    %{s | map: :maps.from_list(for {k, v} <- :maps.to_list(a), not :erlang.is_map_key(k, b), do: {k, v})}
  end

  def symmetric_difference(a, b), do: union(difference(a, b), difference(b, a))

  def subset?(%MapSet{map: a}, %MapSet{map: b}) do
    Enum.all?(:maps.keys(a), fn k -> :erlang.is_map_key(k, b) end)
  end

  def disjoint?(a, b), do: size(intersection(a, b)) == 0
  def equal?(%MapSet{map: a}, %MapSet{map: b}), do: a == b

  def filter(%MapSet{} = s, fun), do: new(Enum.filter(to_list(s), fun))
  def reject(%MapSet{} = s, fun), do: new(Enum.reject(to_list(s), fun))
end
