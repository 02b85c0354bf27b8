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
  def merge(a, b) do
    unless keyword?(a) and keyword?(b) do
      bad = if keyword?(a), do: b, else: a

      raise ArgumentError,
            "expected a keyword list as the " <>
              if(keyword?(a), do: "second", else: "first") <>
              " argument, got: #{inspect(bad)}"
    end

    drop(a, keys(b)) ++ b
  end

  # a's pairs whose keys b lacks, then b's, a key in both getting
  # fun.(key, first value in a, value in b).
  def merge(a, b, fun) when is_function(fun, 3) do
    drop(a, keys(b)) ++
      Enum.map(b, fn {k, v2} ->
        case :lists.keyfind(k, 1, a) do
          {_, v1} -> {k, fun.(k, v1, v2)}
          false -> {k, v2}
        end
      end)
  end
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
  # The first `k` gets `v`, the later ones go.
  def replace([{k, _} | rest], k, v), do: [{k, v} | delete(rest, k)]
  def replace([pair | rest], k, v), do: [pair | replace(rest, k, v)]
  def replace([], _k, _v), do: []

  def replace!(kw, k, v) do
    if has_key?(kw, k),
      do: replace(kw, k, v),
      else: :erlang.error(KeyError.exception(key: k, term: kw))
  end

  def replace_lazy(kw, k, fun) do
    case fetch(kw, k) do
      {:ok, v} -> replace(kw, k, fun.(v))
      :error -> kw
    end
  end

  def update!(kw, k, fun) do
    case fetch(kw, k) do
      {:ok, v} -> replace(kw, k, fun.(v))
      :error -> :erlang.error(KeyError.exception(key: k, term: kw))
    end
  end

  def update(kw, k, fun) when is_function(fun, 1), do: update!(kw, k, fun)

  def get_lazy(kw, k, fun) do
    case fetch(kw, k) do
      {:ok, v} -> v
      :error -> fun.()
    end
  end

  def put_new_lazy(kw, k, fun), do: if(has_key?(kw, k), do: kw, else: [{k, fun.()} | kw])

  def get_and_update(kw, k, fun) do
    current = get(kw, k)

    case fun.(current) do
      {get, new} -> {get, put_in_place(kw, k, new)}
      :pop -> {current, delete(kw, k)}
      other -> raise "the given function must return a two-element tuple or :pop, got: #{inspect(other)}"
    end
  end

  def get_and_update!(kw, k, fun) do
    case fetch(kw, k) do
      {:ok, current} ->
        case fun.(current) do
          {get, new} -> {get, put_in_place(kw, k, new)}
          :pop -> {current, delete(kw, k)}
          other -> raise "the given function must return a two-element tuple or :pop, got: #{inspect(other)}"
        end

      :error ->
        :erlang.error(KeyError.exception(key: k, term: kw))
    end
  end

  # The first `k` replaced (the others dropped), or appended when absent.
  defp put_in_place(kw, k, v), do: if(has_key?(kw, k), do: replace(kw, k, v), else: [{k, v} | kw])

  def pop!(kw, k) do
    case fetch(kw, k) do
      {:ok, v} -> {v, delete(kw, k)}
      :error -> :erlang.error(KeyError.exception(key: k, term: kw))
    end
  end

  def pop_lazy(kw, k, fun) do
    case fetch(kw, k) do
      {:ok, v} -> {v, delete(kw, k)}
      :error -> {fun.(), kw}
    end
  end

  def pop_values(kw, k), do: {get_values(kw, k), delete(kw, k)}

  def delete_first(kw, k) do
    case :lists.keytake(k, 1, kw) do
      {:value, _, rest} -> rest
      false -> kw
    end
  end

  # Keyword.validate/2: the allowed keys (atoms, or {key, default}).
  def validate(kw, values) when is_list(kw) and is_list(values) do
    {defaults, allowed} =
      Enum.reduce(values, {[], []}, fn
        {k, d}, {ds, as} when is_atom(k) -> {[{k, d} | ds], [k | as]}
        k, {ds, as} when is_atom(k) -> {ds, [k | as]}
        other, _ -> raise ArgumentError, "expected the second argument to be a list of atoms or tuples, got: #{inspect(other)}"
      end)

    # As Elixir's: the pairs come out reversed, the missing defaults in
    # front in the order given, unknown keys last seen first.
    bad = Enum.reduce(kw, [], fn {k, _}, acc -> if k in allowed or k in acc, do: acc, else: [k | acc] end)

    if bad == [] do
      {:ok,
       Enum.reduce(Enum.reverse(defaults), Enum.reverse(kw), fn {k, d}, acc ->
         if has_key?(kw, k), do: acc, else: [{k, d} | acc]
       end)}
    else
      {:error, bad}
    end
  end

  def validate!(kw, values) do
    case validate(kw, values) do
      {:ok, kw} ->
        kw

      {:error, bad} ->
        allowed = Enum.map(values, fn {k, _} -> k; k -> k end)

        raise ArgumentError,
              "unknown keys #{inspect(bad)} in #{inspect(kw)}, the allowed keys are: #{inspect(allowed)}"
    end
  end
  def filter(kw, fun), do: Enum.filter(kw, fun)
  def reject(kw, fun), do: Enum.reject(kw, fun)
  def equal?(a, b), do: :lists.sort(a) == :lists.sort(b)
  def get_values(kw, k), do: for({key, v} <- kw, key == k, do: v)
  def to_list(kw), do: kw
end
