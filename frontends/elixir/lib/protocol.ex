defmodule Protocol do
  # Protocol dispatch for `defprotocol` modules (the frontend generates each
  # protocol function as `Protocol.__dispatch__(Proto, first_arg, any).f(...)`).
  # The implementation for a value is the module `Proto.Type` (`Type` the
  # struct's module name or the built-in type), then `Proto.Any` when the
  # protocol has `@fallback_to_any true`. Protocols are not consolidated.

  def __impl_for__(proto, data, any) do
    target = __concat__(proto, __type__(data))
    cond do
      :"$elixir".ensure_loaded(target) -> target
      any and :"$elixir".ensure_loaded(__concat__(proto, "Any")) -> __concat__(proto, "Any")
      true -> nil
    end
  end

  def __dispatch__(proto, data, any) do
    case __impl_for__(proto, data, any) do
      nil -> :erlang.error(Protocol.UndefinedError.exception(protocol: proto, value: data))
      mod -> mod
    end
  end

  defp __concat__(proto, type) do
    :erlang.binary_to_atom(<<:erlang.atom_to_binary(proto, :utf8)::binary, ".", type::binary>>, :utf8)
  end

  def __type__(%{__struct__: s}) when is_atom(s) do
    case :erlang.atom_to_binary(s, :utf8) do
      "Elixir." <> rest -> rest
      other -> other
    end
  end
  def __type__(x) when is_tuple(x), do: "Tuple"
  def __type__(x) when is_atom(x), do: "Atom"
  def __type__(x) when is_list(x), do: "List"
  def __type__(x) when is_map(x), do: "Map"
  def __type__(x) when is_bitstring(x), do: "BitString"
  def __type__(x) when is_integer(x), do: "Integer"
  def __type__(x) when is_float(x), do: "Float"
  def __type__(x) when is_function(x), do: "Function"
  def __type__(x) when is_pid(x), do: "PID"
  def __type__(x) when is_port(x), do: "Port"
  def __type__(x) when is_reference(x), do: "Reference"

  # Whether a user implementation exists for a library protocol (String.Chars,
  # Inspect, Enumerable): its module, or nil.
  def __user_impl__(proto, data) do
    target = __concat__(proto, __type__(data))
    if :"$elixir".ensure_loaded(target), do: target, else: nil
  end
end
