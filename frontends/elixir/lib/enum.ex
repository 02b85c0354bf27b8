defmodule Enum do
  # Every enumerable is turned into a list first (lists, ranges, maps,
  # MapSets); the functions then work on lists.

  def to_list(l) when is_list(l), do: l
  def to_list(%{__struct__: Range, first: f, last: l, step: s}), do: range_list(f, l, s)
  def to_list(%{__struct__: MapSet, map: m}), do: :maps.keys(m)
  def to_list(%{__struct__: Stream, reduce: r}) do
    {_, acc} = r.({:cont, []}, fn x, acc -> {:cont, [x | acc]} end)
    :lists.reverse(acc)
  end
  def to_list(%{__struct__: _} = s) do
    case Protocol.__user_impl__(Enumerable, s) do
      nil -> :erlang.error(Protocol.UndefinedError.exception(protocol: Enumerable, value: s))
      impl ->
        {:done, acc} = impl.reduce(s, {:cont, []}, fn x, acc -> {:cont, [x | acc]} end)
        :lists.reverse(acc)
    end
  end
  def to_list(m) when is_map(m), do: :maps.to_list(m)
  def to_list(other), do: :erlang.error(Protocol.UndefinedError.exception(protocol: Enumerable, value: other))

  # Elixir's Enumerable reduce protocol without suspension (see Stream):
  # used where an enumerable may be infinite or the walk stops early.
  def __reduce__(_e, {:halt, acc}, _fun), do: {:halted, acc}
  def __reduce__(l, {:cont, acc}, fun) when is_list(l), do: reduce_cmd_list(l, acc, fun)
  def __reduce__(%{__struct__: Stream, reduce: r}, cmd, fun), do: r.(cmd, fun)
  def __reduce__(%{__struct__: s} = e, cmd, fun) when s != Range and s != MapSet do
    case Protocol.__user_impl__(Enumerable, e) do
      nil -> __reduce__(to_list(e), cmd, fun)
      impl -> impl.reduce(e, cmd, fun)
    end
  end
  def __reduce__(e, cmd, fun), do: __reduce__(to_list(e), cmd, fun)

  defp reduce_cmd_list([], acc, _), do: {:done, acc}
  defp reduce_cmd_list([h | t], acc, fun) do
    case fun.(h, acc) do
      {:cont, acc} -> reduce_cmd_list(t, acc, fun)
      {:halt, acc} -> {:halted, acc}
    end
  end

  defp range_list(f, l, s) when s > 0 and f > l, do: []
  defp range_list(f, l, s) when s < 0 and f < l, do: []
  defp range_list(f, l, s), do: range_acc(f + div(l - f, s) * s, f, s, [])
  defp range_acc(x, f, s, acc) when s > 0 and x < f, do: acc
  defp range_acc(x, f, s, acc) when s < 0 and x > f, do: acc
  defp range_acc(x, f, s, acc), do: range_acc(x - s, f, s, [x | acc])

  def each(e, fun) do
    each_list(to_list(e), fun)
    :ok
  end
  defp each_list([h | t], fun) do
    fun.(h)
    each_list(t, fun)
  end
  defp each_list([], _), do: :ok

  def map(e, fun), do: :lists.map(fun, to_list(e))

  def reduce(e, acc, fun), do: reduce_list(to_list(e), acc, fun)
  defp reduce_list([h | t], acc, fun), do: reduce_list(t, fun.(h, acc), fun)
  defp reduce_list([], acc, _), do: acc

  def reduce(e, fun) do
    case to_list(e) do
      [h | t] -> reduce_list(t, h, fun)
      [] -> :erlang.error(Enum.EmptyError.exception([]))
    end
  end

  def reduce_while(e, acc, fun) do
    {_, acc} = __reduce__(e, {:cont, acc}, fun)
    acc
  end
  defp reduce_while_list([h | t], acc, fun) do
    case fun.(h, acc) do
      {:cont, acc} -> reduce_while_list(t, acc, fun)
      {:halt, acc} -> acc
    end
  end
  defp reduce_while_list([], acc, _), do: acc

  def map_reduce(e, acc, fun) do
    {list, acc} =
      reduce(e, {[], acc}, fn x, {l, a} ->
        {y, a} = fun.(x, a)
        {[y | l], a}
      end)
    {:lists.reverse(list), acc}
  end

  def filter(e, fun), do: for(x <- to_list(e), fun.(x), do: x)
  def reject(e, fun), do: for(x <- to_list(e), !fun.(x), do: x)
  def sum(e), do: reduce(e, 0, fn x, acc -> acc + x end)
  def product(e), do: reduce(e, 1, fn x, acc -> acc * x end)
  def count(e), do: length(to_list(e))
  def count(e, fun), do: reduce(e, 0, fn x, acc -> if fun.(x), do: acc + 1, else: acc end)

  def member?(%{__struct__: Range, first: f, last: l, step: s}, x) when is_integer(x) do
    cond do
      s > 0 -> x >= f and x <= l and rem(x - f, s) == 0
      true -> x <= f and x >= l and rem(f - x, -s) == 0
    end
  end
  def member?(%{__struct__: Range}, _), do: false
  def member?(%{__struct__: MapSet, map: m}, x), do: :erlang.is_map_key(x, m)
  def member?(e, x), do: :lists.member(x, to_list(e))

  def into(e, l) when is_list(l), do: l ++ to_list(e)
  def into(e, %{__struct__: MapSet} = s), do: MapSet.union(s, MapSet.new(e))
  def into(e, m) when is_map(m), do: :maps.merge(m, :maps.from_list(to_list(e)))
  def into(e, b) when is_bitstring(b), do: reduce(e, b, fn x, acc -> <<acc::bitstring, x::bitstring>> end)
  def into(e, acc, fun), do: into(map(e, fun), acc)

  def join(e, sep \\ ""), do: :erlang.iolist_to_binary(join_list(map(e, &String.Chars.to_string/1), sep))
  defp join_list([], _), do: []
  defp join_list([x], _), do: [x]
  defp join_list([x | t], sep), do: [x, sep | join_list(t, sep)]

  def map_join(e, sep \\ "", fun), do: join(map(e, fun), sep)

  def reverse(e), do: :lists.reverse(to_list(e))
  def reverse(e, tail), do: :lists.reverse(to_list(e), tail)
  def sort(e), do: :lists.sort(to_list(e))
  def sort(e, :asc), do: :lists.sort(to_list(e))
  def sort(e, :desc), do: :lists.reverse(:lists.sort(to_list(e)))
  def sort(e, fun) when is_function(fun, 2), do: :lists.sort(fun, to_list(e))
  def sort_by(e, fun, order \\ :asc) do
    pairs = map(e, fn x -> {fun.(x), x} end)
    sorted =
      case order do
        :asc -> :lists.sort(fn {a, _}, {b, _} -> a <= b end, pairs)
        :desc -> :lists.sort(fn {a, _}, {b, _} -> a >= b end, pairs)
      end
    for {_, x} <- sorted, do: x
  end

  def uniq(e), do: uniq_list(to_list(e), %{})
  defp uniq_list([h | t], seen) do
    if :erlang.is_map_key(h, seen), do: uniq_list(t, seen), else: [h | uniq_list(t, :maps.put(h, true, seen))]
  end
  defp uniq_list([], _), do: []
  def uniq_by(e, fun), do: uniq_by_list(to_list(e), fun, %{})
  defp uniq_by_list([h | t], fun, seen) do
    k = fun.(h)
    if :erlang.is_map_key(k, seen), do: uniq_by_list(t, fun, seen), else: [h | uniq_by_list(t, fun, :maps.put(k, true, seen))]
  end
  defp uniq_by_list([], _, _), do: []
  def dedup(e), do: dedup_list(to_list(e))
  defp dedup_list([a, a | t]), do: dedup_list([a | t])
  defp dedup_list([a | t]), do: [a | dedup_list(t)]
  defp dedup_list([]), do: []

  def max(e), do: reduce(e, fn x, acc -> if x > acc, do: x, else: acc end)
  def min(e), do: reduce(e, fn x, acc -> if x < acc, do: x, else: acc end)
  def max_by(e, fun), do: reduce(e, fn x, acc -> if fun.(x) > fun.(acc), do: x, else: acc end)
  def min_by(e, fun), do: reduce(e, fn x, acc -> if fun.(x) < fun.(acc), do: x, else: acc end)
  def min_max(e), do: {min(e), max(e)}

  def find(e, default \\ nil, fun) do
    {_, r} = __reduce__(e, {:cont, default}, fn x, acc -> if fun.(x), do: {:halt, x}, else: {:cont, acc} end)
    r
  end
  def find_index(e, fun), do: find_index_list(to_list(e), 0, fun)
  defp find_index_list([h | t], i, fun), do: if(fun.(h), do: i, else: find_index_list(t, i + 1, fun))
  defp find_index_list([], _, _), do: nil
  def find_value(e, default \\ nil, fun) do
    {_, r} = __reduce__(e, {:cont, default}, fn x, acc ->
      v = fun.(x)
      if v, do: {:halt, v}, else: {:cont, acc}
    end)
    r
  end

  def any?(e), do: any?(e, fn x -> x end)
  def any?(e, fun) do
    {_, r} = __reduce__(e, {:cont, false}, fn x, acc -> if fun.(x), do: {:halt, true}, else: {:cont, acc} end)
    r
  end
  def all?(e), do: all?(e, fn x -> x end)
  def all?(e, fun) do
    {_, r} = __reduce__(e, {:cont, true}, fn x, acc -> if fun.(x), do: {:cont, acc}, else: {:halt, false} end)
    r
  end

  def at(e, i, default \\ nil) do
    l = case e do
      %{__struct__: Stream} when i >= 0 -> take(e, i + 1)
      _ -> to_list(e)
    end
    i = if i < 0, do: length(l) + i, else: i
    at_list(l, i, default)
  end
  defp at_list([h | _], 0, _), do: h
  defp at_list([_ | t], i, d) when i > 0, do: at_list(t, i - 1, d)
  defp at_list(_, _, d), do: d
  def fetch(e, i) do
    l = to_list(e)
    i = if i < 0, do: length(l) + i, else: i
    if i >= 0 and i < length(l), do: {:ok, at_list(l, i, nil)}, else: :error
  end
  def fetch!(e, i) do
    case fetch(e, i) do
      {:ok, v} -> v
      :error -> :erlang.error(Enum.OutOfBoundsError.exception([]))
    end
  end

  def empty?(e), do: to_list(e) == []
  def take(%{__struct__: Stream} = s, n) when n >= 0, do: to_list(Stream.take(s, n))
  def take(e, n) when n >= 0, do: take_list(to_list(e), n)
  def take(e, n), do: :lists.reverse(take_list(:lists.reverse(to_list(e)), -n))
  defp take_list([h | t], n) when n > 0, do: [h | take_list(t, n - 1)]
  defp take_list(_, _), do: []
  def drop(e, n) when n >= 0, do: drop_list(to_list(e), n)
  def drop(e, n), do: :lists.reverse(drop_list(:lists.reverse(to_list(e)), -n))
  defp drop_list([_ | t], n) when n > 0, do: drop_list(t, n - 1)
  defp drop_list(l, _), do: l
  def take_while(%{__struct__: Stream} = s, fun), do: to_list(Stream.take_while(s, fun))
  def take_while(e, fun), do: :lists.takewhile(fn x -> !!fun.(x) end, to_list(e))
  def drop_while(e, fun), do: :lists.dropwhile(fn x -> !!fun.(x) end, to_list(e))
  def split(e, n), do: {take(e, n), drop(e, n)}
  def split_with(e, fun), do: {filter(e, fun), reject(e, fun)}
  def split_while(e, fun), do: {take_while(e, fun), drop_while(e, fun)}

  def with_index(e, offset \\ 0), do: with_index_list(to_list(e), offset)
  defp with_index_list([h | t], i), do: [{h, i} | with_index_list(t, i + 1)]
  defp with_index_list([], _), do: []
  def zip(a, b), do: zip_list(to_list(a), to_list(b))
  def zip([]), do: []
  def zip(enums) do
    lists = map(enums, &to_list/1)
    if any?(lists, &(&1 == [])),
      do: [],
      else: [:erlang.list_to_tuple(map(lists, &hd/1)) | zip(map(lists, &tl/1))]
  end
  defp zip_list([a | at], [b | bt]), do: [{a, b} | zip_list(at, bt)]
  defp zip_list(_, _), do: []
  def unzip(e), do: :lists.unzip(to_list(e))
  def concat(e), do: :lists.append(map(e, &to_list/1))
  def concat(a, b), do: to_list(a) ++ to_list(b)
  def flat_map(e, fun), do: :lists.append(map(e, fn x -> to_list(fun.(x)) end))
  def chunk_every(e, n), do: chunk_list(to_list(e), n)
  def chunk_every(e, n, step, leftover \\ []), do: chunk_step(to_list(e), n, step, leftover)
  defp chunk_step([], _n, _step, _leftover), do: []
  defp chunk_step(l, n, step, leftover) do
    chunk = take_list(l, n)
    cond do
      length(chunk) == n -> [chunk | chunk_step(drop_list(l, step), n, step, leftover)]
      leftover == :discard -> []
      true -> [chunk ++ take_list(leftover, n - length(chunk))]
    end
  end
  def zip_with(a, b, fun), do: for({x, y} <- zip(a, b), do: fun.(x, y))
  defp chunk_list([], _), do: []
  defp chunk_list(l, n), do: [take_list(l, n) | chunk_list(drop_list(l, n), n)]
  def group_by(e, kf, vf \\ fn x -> x end) do
    m = reduce(:lists.reverse(to_list(e)), %{}, fn x, acc ->
      k = kf.(x)
      :maps.put(k, [vf.(x) | :maps.get(k, acc, [])], acc)
    end)
    m
  end
  def frequencies(e), do: reduce(e, %{}, fn x, acc -> :maps.put(x, :maps.get(x, acc, 0) + 1, acc) end)
  def frequencies_by(e, fun), do: reduce(e, %{}, fn x, acc -> k = fun.(x); :maps.put(k, :maps.get(k, acc, 0) + 1, acc) end)
  def scan(e, fun) do
    case to_list(e) do
      [] -> []
      [h | t] -> [h | scan(t, h, fun)]
    end
  end
  def scan(e, acc, fun) do
    {l, _} = reduce(e, {[], acc}, fn x, {l, a} -> a = fun.(x, a); {[a | l], a} end)
    :lists.reverse(l)
  end
  def slice(e, %{__struct__: Range, first: f, last: l}) do
    list = to_list(e)
    n = length(list)
    f = if f < 0, do: n + f, else: f
    l = if l < 0, do: n + l, else: l
    take_list(drop_list(list, f), l - f + 1)
  end
  def slice(e, start, count), do: take_list(drop_list(to_list(e), start), count)
  def shuffle(e), do: to_list(e)
  def random(e) do
    case to_list(e) do
      [] -> :erlang.error(Enum.EmptyError.exception([]))
      l -> :lists.nth(:erlang.phash2(:erlang.make_ref(), length(l)) + 1, l)
    end
  end
  def into_map(e), do: :maps.from_list(to_list(e))
  def chunk_by(e, fun), do: chunk_by_list(to_list(e), fun)
  defp chunk_by_list([], _), do: []
  defp chunk_by_list([h | t], fun) do
    k = fun.(h)
    {same, rest} = :lists.splitwith(fn x -> fun.(x) == k end, t)
    [[h | same] | chunk_by_list(rest, fun)]
  end
  def intersperse(e, sep), do: join_list(to_list(e), sep)
end
