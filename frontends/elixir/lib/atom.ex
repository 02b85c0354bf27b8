defmodule Atom do
  def to_string(a) when is_atom(a), do: :erlang.atom_to_binary(a, :utf8)
  def to_charlist(a) when is_atom(a), do: :erlang.atom_to_list(a)
end
