defmodule Map do
  def get_lazy(m, k, fun), do: (case m do %{^k => v} -> v; _ -> fun.() end)
  def put_new_lazy(m, k, fun), do: (case m do %{^k => _} -> m; _ -> :maps.put(k, fun.(), m) end)
  def new(), do: %{}
  def new(e), do: :maps.from_list(Enum.to_list(e))
  def new(e, fun), do: :maps.from_list(Enum.map(e, fun))
  def get(m, k, default \\ nil), do: :maps.get(k, m, default)
  def fetch(m, k) do
    case m do
      %{^k => v} -> {:ok, v}
      %{} -> :error
    end
  end
  def fetch!(m, k) do
    case m do
      %{^k => v} -> v
      %{} -> :erlang.error(KeyError.exception(key: k, term: m))
    end
  end
  def put(m, k, v), do: :maps.put(k, v, m)
  def put_new(m, k, v), do: if(:erlang.is_map_key(k, m), do: m, else: :maps.put(k, v, m))
  def delete(m, k), do: :maps.remove(k, m)
  def has_key?(m, k), do: :erlang.is_map_key(k, m)
  def keys(m), do: :maps.keys(m)
  def values(m), do: :maps.values(m)
  def to_list(m), do: :maps.to_list(m)
  def merge(a, b), do: :maps.merge(a, b)
  def merge(a, b, fun) do
    Enum.reduce(:maps.to_list(b), a, fn {k, v2}, acc ->
      case acc do
        %{^k => v1} -> :maps.put(k, fun.(k, v1, v2), acc)
        _ -> :maps.put(k, v2, acc)
      end
    end)
  end
  def update(m, k, default, fun) do
    case m do
      %{^k => v} -> :maps.put(k, fun.(v), m)
      _ -> :maps.put(k, default, m)
    end
  end
  def update!(m, k, fun) do
    case m do
      %{^k => v} -> :maps.put(k, fun.(v), m)
      _ -> :erlang.error(KeyError.exception(key: k, term: m))
    end
  end
  def get_and_update(m, k, fun) do
    case fun.(:maps.get(k, m, nil)) do
      {get, new} -> {get, :maps.put(k, new, m)}
      :pop -> {:maps.get(k, m, nil), :maps.remove(k, m)}
    end
  end
  def pop(m, k, default \\ nil) do
    case m do
      %{^k => v} -> {v, :maps.remove(k, m)}
      _ -> {default, m}
    end
  end
  def take(m, keys), do: :maps.with(keys, m)
  def drop(m, keys), do: :maps.without(keys, m)
  def filter(m, fun), do: :maps.from_list(Enum.filter(:maps.to_list(m), fun))
  def reject(m, fun), do: :maps.from_list(Enum.reject(:maps.to_list(m), fun))
  def map(m, fun), do: :maps.from_list(Enum.map(:maps.to_list(m), fun))
  def from_struct(%{__struct__: _} = s), do: :maps.remove(:__struct__, s)
  def equal?(a, b), do: a === b
  def replace(m, k, v), do: if(:erlang.is_map_key(k, m), do: :maps.put(k, v, m), else: m)
  def split(m, keys), do: {take(m, keys), drop(m, keys)}
end
