defmodule Tuple do
  def to_list(t), do: :erlang.tuple_to_list(t)
  def append(t, x), do: :erlang.list_to_tuple(:erlang.tuple_to_list(t) ++ [x])
  def insert_at(t, i, x), do: :erlang.list_to_tuple(List.insert_at(:erlang.tuple_to_list(t), i, x))
  def delete_at(t, i), do: :erlang.list_to_tuple(List.delete_at(:erlang.tuple_to_list(t), i))
  def duplicate(x, n), do: :erlang.list_to_tuple(:lists.duplicate(n, x))
  def product(t), do: Enum.product(:erlang.tuple_to_list(t))
  def sum(t), do: Enum.sum(:erlang.tuple_to_list(t))
end
