defmodule Keyword do
  def get(kw, k, default \\ nil) do
    case :lists.keyfind(k, 1, kw) do
      {_, v} -> v
      false -> default
    end
  end
  def fetch(kw, k) do
    case :lists.keyfind(k, 1, kw) do
      {_, v} -> {:ok, v}
      false -> :error
    end
  end
  def fetch!(kw, k) do
    case :lists.keyfind(k, 1, kw) do
      {_, v} -> v
      false -> :erlang.error(KeyError.exception(key: k, term: kw))
    end
  end
  def has_key?(kw, k), do: :lists.keymember(k, 1, kw)
  def put(kw, k, v), do: [{k, v} | delete(kw, k)]
  def put_new(kw, k, v), do: if(has_key?(kw, k), do: kw, else: [{k, v} | kw])
  def delete(kw, k), do: for({key, _} = p <- kw, key != k, do: p)
  def keys(kw), do: for({k, _} <- kw, do: k)
  def values(kw), do: for({_, v} <- kw, do: v)
  def merge(a, b), do: Enum.reduce(b, a, fn {k, v}, acc -> put_end(acc, k, v) end)
  defp put_end(kw, k, v), do: delete(kw, k) ++ [{k, v}]
  def new(), do: []
  def new(e), do: Enum.to_list(e)
  def take(kw, keys), do: for({k, _} = p <- kw, k in keys, do: p)
  def drop(kw, keys), do: for({k, _} = p <- kw, not (k in keys), do: p)
  def keyword?(l), do: is_list(l) and Enum.all?(l, fn x -> is_tuple(x) and tuple_size(x) == 2 and is_atom(elem(x, 0)) end)
  def update([{k, v} | rest], k, _default, fun), do: [{k, fun.(v)} | delete(rest, k)]
  def update([pair | rest], k, default, fun), do: [pair | update(rest, k, default, fun)]
  def update([], k, default, _fun), do: [{k, default}]
  def pop(kw, k, default \\ nil) do
    case fetch(kw, k) do
      {:ok, v} -> {v, delete(kw, k)}
      :error -> {default, kw}
    end
  end
  def pop_first(kw, k, default \\ nil) do
    case :lists.keytake(k, 1, kw) do
      {:value, {_, v}, rest} -> {v, rest}
      false -> {default, kw}
    end
  end
  def split(kw, keys) do
    {a, b} = Enum.split_with(kw, fn {k, _} -> k in keys end)
    {a, b}
  end
  def replace(kw, k, v), do: for({key, val} <- kw, do: if(key == k, do: {key, v}, else: {key, val}))
  def filter(kw, fun), do: Enum.filter(kw, fun)
  def reject(kw, fun), do: Enum.reject(kw, fun)
  def equal?(a, b), do: :lists.sort(a) == :lists.sort(b)
  def get_values(kw, k), do: for({key, v} <- kw, key == k, do: v)
  def to_list(kw), do: kw
end
