defmodule Kernel do
  # Kernel functions that are not BIFs; the frontend maps the rest of
  # Kernel onto `erlang` directly.

  def inspect(term), do: inspect(term, [])

  def inspect(term, opts) when is_list(opts) do
    :"$elixir".inspect(__prepare__(term), __inspect_opts__(opts, false))
  end

  def __inspect_opts__(opts, pretty) do
    pretty = Keyword.get(opts, :pretty, pretty)
    width = if pretty, do: Keyword.get(opts, :width, 80), else: :infinity
    [limit: Keyword.get(opts, :limit, 50), width: width, charlists: Keyword.get(opts, :charlists, :infer)]
  end

  # Structs become {:"$eubeam_struct", Name, [field: value]} with the fields
  # in definition order, which the native printer renders as %Name{...}.
  def __prepare__(term) when is_list(term), do: __prepare_list__(term)

  def __prepare__(term) when is_tuple(term) do
    :erlang.list_to_tuple(__prepare_list__(:erlang.tuple_to_list(term)))
  end

  # A MapSet prints as MapSet.new([...]) (its elements in map order).
  def __prepare__(%{__struct__: MapSet, map: m}) when is_map(m) do
    {:"$eubeam_struct", MapSet, [list: __prepare_list__(:maps.keys(m))]}
  end

  def __prepare__(%{__struct__: Regex, source: src, opts: opts}) when is_binary(opts) do
    {:"$eubeam_struct", :"$raw", [text: "~r/" <> :binary.replace(src, "/", "\\/", [:global]) <> "/" <> opts]}
  end

  def __prepare__(%{__struct__: mod} = term) when is_atom(mod) do
    case Protocol.__user_impl__(Inspect, term) do
      nil -> __prepare_struct__(mod, term)
      impl -> {:"$eubeam_struct", :"$raw", [text: :erlang.iolist_to_binary(impl.inspect(term, %Inspect.Opts{}))]}
    end
  end

  def __prepare__(term) when is_map(term) do
    :maps.from_list(__prepare_list__(:maps.to_list(term)))
  end

  def __prepare__(term), do: term

  defp __prepare_struct__(mod, term) do
    fields =
      try do
        mod.__struct_fields__()
      catch
        _, _ -> nil
      end

    case fields do
      nil ->
        :maps.from_list(__prepare_list__(:maps.to_list(term)))

      fields ->
        pairs = for f <- fields, do: {f, __prepare__(:maps.get(f, term, nil))}
        {:"$eubeam_struct", mod, pairs}
    end
  end

  defp __prepare_list__([h | t]), do: [__prepare__(h) | __prepare_list__(t)]
  defp __prepare_list__([]), do: []
  defp __prepare_list__(other), do: __prepare__(other)

  def to_charlist(x) when is_list(x), do: x
  def to_charlist(x) when is_binary(x), do: String.to_charlist(x)
  def to_charlist(x), do: String.to_charlist(String.Chars.to_string(x))

  def to_string(x), do: String.Chars.to_string(x)

  def elem(t, i), do: :erlang.element(i + 1, t)
  def put_elem(t, i, v), do: :erlang.setelement(i + 1, t, v)

  def is_struct(%{__struct__: s}) when is_atom(s), do: true
  def is_struct(_), do: false
  def is_struct(%{__struct__: s}, s) when is_atom(s), do: true
  def is_struct(_, _), do: false
  def is_exception(%{__exception__: true}), do: true
  def is_exception(_), do: false
  def is_exception(%{__struct__: s, __exception__: true}, s), do: true
  def is_exception(_, _), do: false

  def function_exported?(m, f, a), do: :erlang.function_exported(m, f, a)

  def struct(mod, fields \\ []) when is_atom(mod) do
    base = mod.__struct__()
    Enum.reduce(fields, base, fn {k, v}, acc ->
      if :erlang.is_map_key(k, acc) and k != :__struct__, do: :maps.put(k, v, acc), else: acc
    end)
  end

  def struct!(mod, fields \\ []) when is_atom(mod), do: mod.__struct__(fields)

  def __struct_fill__(base, fields) do
    Enum.reduce(fields, base, fn {k, v}, acc ->
      if :erlang.is_map_key(k, acc) and k != :__struct__ do
        :maps.put(k, v, acc)
      else
        :erlang.error(KeyError.exception(key: k))
      end
    end)
  end

  def __struct_update__(mod, %{__struct__: mod} = base, fields) do
    Enum.reduce(fields, base, fn {k, v}, acc -> :maps.update(k, v, acc) end)
  end

  def __struct_update__(mod, other, _fields) do
    :erlang.error(BadStructError.exception(struct: mod, term: other))
  end

  # `map.field`: a map's key, or a zero-arity call on a module.
  def __dot__(map, key) when is_map(map) do
    case map do
      %{^key => v} -> v
      _ -> :erlang.error(KeyError.exception(key: key, term: map))
    end
  end

  def __dot__(mod, fun) when is_atom(mod), do: apply(mod, fun, [])
  def __dot__(other, key), do: :erlang.error({:badmap, other, key})

  # raise/1,2 and reraise: the exception struct to raise.
  def __raise__(msg) when is_binary(msg), do: RuntimeError.exception(msg)
  def __raise__(%{__exception__: true} = e), do: e
  def __raise__(mod) when is_atom(mod), do: mod.exception([])
  def __raise__(other), do: ArgumentError.exception("raise/1 and reraise/2 expect a module name, string or exception as the first argument, got: #{inspect(other)}")
  def __raise__(mod, attrs) when is_atom(mod), do: mod.exception(attrs)

  def get_in(data, [key]), do: Access.get(data, key)
  def get_in(data, [key | rest]), do: get_in(Access.get(data, key), rest)

  def put_in(data, [key], value), do: Access.put(data, key, value)
  def put_in(data, [key | rest], value), do: Access.put(data, key, put_in(Access.get(data, key), rest, value))

  def update_in(data, [key], fun), do: Access.put(data, key, fun.(Access.get(data, key)))
  def update_in(data, [key | rest], fun), do: Access.put(data, key, update_in(Access.get(data, key), rest, fun))

  def get_and_update_in(data, [key], fun) do
    {get, new} = fun.(Access.get(data, key))
    {get, Access.put(data, key, new)}
  end
  def get_and_update_in(data, [key | rest], fun) do
    {get, new} = get_and_update_in(Access.get(data, key), rest, fun)
    {get, Access.put(data, key, new)}
  end

  def pop_in(data, [key]) when is_map(data), do: {Map.get(data, key), Map.delete(data, key)}
  def pop_in(data, [key]) when is_list(data), do: {Keyword.get(data, key), Keyword.delete(data, key)}
  def pop_in(nil, _), do: {nil, nil}
  def pop_in(data, [key | rest]) do
    {v, new} = pop_in(Access.get(data, key), rest)
    {v, Access.put(data, key, new)}
  end

  # The chunks of a binary generator `<<segs <- bin>>` (see the frontend's
  # bin_generator): `next` splits off one chunk or says :done.
  def __bin_chunks__(bin, next) do
    case next.(bin) do
      {chunk, rest} -> [chunk | __bin_chunks__(rest, next)]
      :done -> []
    end
  end

  def __match__(string, pattern) when is_binary(pattern), do: String.contains?(string, pattern)
  def __match__(string, %{__struct__: Regex} = re), do: Regex.match?(re, string)

  # The script top level of `elixir file.exs`: an uncaught exception is
  # printed as the elixir command prints it, and the run exits with 1.
  def __uncaught__(kind, reason, stack) do
    :io.put_chars(:standard_error, Exception.format(kind, reason, stack))
    :erlang.halt(1)
  end

  # A user macro called by the compiler (see lower/macros.rs): the expansion
  # or the reason it failed, formatted as elixir reports errors.
  def __expand__(mod, fun, args) do
    try do
      {:ok, apply(mod, fun, args)}
    rescue
      e -> {:error, Exception.format_banner(:error, e, __STACKTRACE__)}
    catch
      kind, value -> {:error, Exception.format_banner(kind, value, __STACKTRACE__)}
    end
  end
end
