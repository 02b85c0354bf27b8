defmodule String.Chars do
  def to_string(x) when is_binary(x), do: x
  def to_string(nil), do: ""
  def to_string(x) when is_atom(x), do: :erlang.atom_to_binary(x, :utf8)
  def to_string(x) when is_integer(x), do: :erlang.integer_to_binary(x)
  def to_string(x) when is_float(x), do: :"$elixir".inspect(x, [])
  def to_string(x) when is_list(x), do: List.to_string(x)
  def to_string(%{__struct__: _} = x) do
    case Protocol.__user_impl__(String.Chars, x) do
      nil -> :erlang.error(Protocol.UndefinedError.exception(protocol: String.Chars, value: x))
      impl -> impl.to_string(x)
    end
  end
  def to_string(x), do: :erlang.error(Protocol.UndefinedError.exception(protocol: String.Chars, value: x))
end
