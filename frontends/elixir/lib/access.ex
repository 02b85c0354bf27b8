defmodule Access do
  def get(m, k, default \\ nil)
  def get(%{__struct__: s} = m, k, _default) do
    :erlang.error(UndefinedFunctionError.exception(module: s, function: :fetch, arity: 2, message: "function #{inspect(s)}.fetch/2 is undefined (#{inspect(s)} does not implement the Access behaviour)"))
    m[k]
  end
  def get(m, k, default) when is_map(m), do: :maps.get(k, m, default)
  def get(l, k, default) when is_list(l) do
    case :lists.keyfind(k, 1, l) do
      {_, v} -> v
      false -> default
    end
  end
  def get(nil, _, default), do: default
  def put(m, k, v) when is_map(m), do: :maps.put(k, v, m)
  def put(l, k, v) when is_list(l), do: Keyword.put(l, k, v)
  def fetch(m, k) when is_map(m), do: Map.fetch(m, k)
  def fetch(l, k) when is_list(l), do: Keyword.fetch(l, k)
end
