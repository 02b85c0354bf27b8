defmodule Stream do
  # Lazy enumerables. A stream is %Stream{reduce: r}: `r.(cmd, fun)` runs
  # Elixir's Enumerable reduce protocol without suspension — `cmd` is
  # {:cont, acc} or {:halt, acc}, `fun.(x, acc)` returns {:cont, acc} or
  # {:halt, acc}, and the result is {:done, acc} or {:halted, acc}. Each
  # function below wraps its source's reduce; nothing runs until an Enum
  # function (or Stream.run) consumes the stream. Not supported yet:
  # functions needing suspension (zip of two streams).
  defstruct [:reduce]

  defp new(r), do: %Stream{reduce: r}
  defp src(e, cmd, fun), do: Enum.__reduce__(e, cmd, fun)

  def map(e, f), do: new(fn cmd, fun -> src(e, cmd, fn x, acc -> fun.(f.(x), acc) end) end)

  def filter(e, f) do
    new(fn cmd, fun ->
      src(e, cmd, fn x, acc -> if f.(x), do: fun.(x, acc), else: {:cont, acc} end)
    end)
  end

  def reject(e, f), do: filter(e, fn x -> !f.(x) end)

  def each(e, f), do: map(e, fn x -> f.(x); x end)

  def flat_map(e, f) do
    new(fn cmd, fun ->
      src(e, cmd, fn x, acc ->
        case src(f.(x), {:cont, {:cont, acc}}, fn y, {_, a} ->
               case fun.(y, a) do
                 {:cont, a} -> {:cont, {:cont, a}}
                 {:halt, a} -> {:halt, {:halt, a}}
               end
             end) do
          {_, {:halt, a}} -> {:halt, a}
          {_, {:cont, a}} -> {:cont, a}
        end
      end)
    end)
  end

  def concat(enums), do: flat_map(enums, fn e -> e end)
  def concat(a, b), do: concat([a, b])

  def take(_e, 0), do: new(fn {_, acc}, _fun -> {:done, acc} end)

  def take(e, n) when n > 0 do
    new(fn {:halt, acc}, _ -> {:halted, acc}
           {:cont, acc}, fun ->
             r =
               src(e, {:cont, {acc, n}}, fn x, {acc, k} ->
                 case fun.(x, acc) do
                   {:cont, acc} when k > 1 -> {:cont, {acc, k - 1}}
                   {:cont, acc} -> {:halt, {acc, 0}}
                   {:halt, acc} -> {:halt, {acc, :halted}}
                 end
               end)
             case r do
               {_, {acc, :halted}} -> {:halted, acc}
               {_, {acc, _}} -> {:done, acc}
             end
    end)
  end

  def take(e, n) when n < 0, do: new(fn cmd, fun -> src(Enum.take(e, n), cmd, fun) end)

  def drop(e, n) when n >= 0 do
    new(fn {:halt, acc}, _ -> {:halted, acc}
           {:cont, acc}, fun ->
             {tag, {acc, _}} =
               src(e, {:cont, {acc, n}}, fn
                 _x, {acc, k} when k > 0 -> {:cont, {acc, k - 1}}
                 x, {acc, 0} ->
                   case fun.(x, acc) do
                     {:cont, acc} -> {:cont, {acc, 0}}
                     {:halt, acc} -> {:halt, {acc, 0}}
                   end
               end)
             {tag, acc}
    end)
  end

  def take_while(e, f) do
    new(fn {:halt, acc}, _ -> {:halted, acc}
           {:cont, acc}, fun ->
             src(e, {:cont, acc}, fn x, acc -> if f.(x), do: fun.(x, acc), else: {:halt, acc} end)
    end)
  end

  def drop_while(e, f) do
    new(fn {:halt, acc}, _ -> {:halted, acc}
           {:cont, acc}, fun ->
             {tag, {acc, _}} =
               src(e, {:cont, {acc, true}}, fn x, {acc, dropping} ->
                 if dropping and f.(x) do
                   {:cont, {acc, true}}
                 else
                   case fun.(x, acc) do
                     {:cont, acc} -> {:cont, {acc, false}}
                     {:halt, acc} -> {:halt, {acc, false}}
                   end
                 end
               end)
             {tag, acc}
    end)
  end

  def with_index(e, offset \\ 0) do
    new(fn {:halt, acc}, _ -> {:halted, acc}
           {:cont, acc}, fun ->
             {tag, {acc, _}} =
               src(e, {:cont, {acc, offset}}, fn x, {acc, i} ->
                 case fun.({x, i}, acc) do
                   {:cont, acc} -> {:cont, {acc, i + 1}}
                   {:halt, acc} -> {:halt, {acc, i + 1}}
                 end
               end)
             {tag, acc}
    end)
  end

  def chunk_every(e, n), do: chunk_every(e, n, n, [])
  def chunk_every(e, n, step, leftover \\ []) when step == n do
    new(fn {:halt, acc}, _ -> {:halted, acc}
           {:cont, acc}, fun ->
             r =
               src(e, {:cont, {acc, [], 0}}, fn x, {acc, buf, k} ->
                 if k + 1 == n do
                   case fun.(:lists.reverse([x | buf]), acc) do
                     {:cont, acc} -> {:cont, {acc, [], 0}}
                     {:halt, acc} -> {:halt, {acc, :halted, 0}}
                   end
                 else
                   {:cont, {acc, [x | buf], k + 1}}
                 end
               end)
             case r do
               {_, {acc, :halted, _}} -> {:halted, acc}
               {_, {acc, [], _}} -> {:done, acc}
               {_, {acc, buf, k}} ->
                 if leftover == :discard do
                   {:done, acc}
                 else
                   last = :lists.reverse(buf) ++ Enum.take(leftover, n - k)
                   case fun.(last, acc) do
                     {:cont, acc} -> {:done, acc}
                     {:halt, acc} -> {:halted, acc}
                   end
                 end
             end
    end)
  end
  def chunk_every(e, n, step, leftover), do: new(fn cmd, fun -> src(Enum.chunk_every(e, n, step, leftover), cmd, fun) end)

  def dedup(e) do
    new(fn {:halt, acc}, _ -> {:halted, acc}
           {:cont, acc}, fun ->
             {tag, {acc, _}} =
               src(e, {:cont, {acc, {}}}, fn x, {acc, last} ->
                 if last == {x} do
                   {:cont, {acc, last}}
                 else
                   case fun.(x, acc) do
                     {:cont, acc} -> {:cont, {acc, {x}}}
                     {:halt, acc} -> {:halt, {acc, {x}}}
                   end
                 end
               end)
             {tag, acc}
    end)
  end

  def uniq(e), do: uniq_by(e, fn x -> x end)
  def uniq_by(e, f) do
    new(fn {:halt, acc}, _ -> {:halted, acc}
           {:cont, acc}, fun ->
             {tag, {acc, _}} =
               src(e, {:cont, {acc, %{}}}, fn x, {acc, seen} ->
                 k = f.(x)
                 if :erlang.is_map_key(k, seen) do
                   {:cont, {acc, seen}}
                 else
                   case fun.(x, acc) do
                     {:cont, acc} -> {:cont, {acc, :maps.put(k, true, seen)}}
                     {:halt, acc} -> {:halt, {acc, seen}}
                   end
                 end
               end)
             {tag, acc}
    end)
  end

  def scan(e, acc0, f) do
    new(fn {:halt, acc}, _ -> {:halted, acc}
           {:cont, acc}, fun ->
             {tag, {acc, _}} =
               src(e, {:cont, {acc, acc0}}, fn x, {acc, s} ->
                 s = f.(x, s)
                 case fun.(s, acc) do
                   {:cont, acc} -> {:cont, {acc, s}}
                   {:halt, acc} -> {:halt, {acc, s}}
                 end
               end)
             {tag, acc}
    end)
  end

  def iterate(start, f) do
    new(fn {:halt, acc}, _ -> {:halted, acc}
           {:cont, acc}, fun -> iterate_loop(start, f, acc, fun)
    end)
  end

  defp iterate_loop(x, f, acc, fun) do
    case fun.(x, acc) do
      {:cont, acc} -> iterate_loop(f.(x), f, acc, fun)
      {:halt, acc} -> {:halted, acc}
    end
  end

  def repeatedly(f) do
    new(fn {:halt, acc}, _ -> {:halted, acc}
           {:cont, acc}, fun -> repeat_loop(f, acc, fun)
    end)
  end

  defp repeat_loop(f, acc, fun) do
    case fun.(f.(), acc) do
      {:cont, acc} -> repeat_loop(f, acc, fun)
      {:halt, acc} -> {:halted, acc}
    end
  end

  def unfold(s0, f) do
    new(fn {:halt, acc}, _ -> {:halted, acc}
           {:cont, acc}, fun -> unfold_loop(s0, f, acc, fun)
    end)
  end

  defp unfold_loop(s, f, acc, fun) do
    case f.(s) do
      nil -> {:done, acc}
      {x, s} ->
        case fun.(x, acc) do
          {:cont, acc} -> unfold_loop(s, f, acc, fun)
          {:halt, acc} -> {:halted, acc}
        end
    end
  end

  def cycle(e) do
    new(fn {:halt, acc}, _ -> {:halted, acc}
           {:cont, acc}, fun ->
             case Enum.to_list(e) do
               [] -> {:done, acc}
               list -> cycle_loop(list, list, acc, fun)
             end
    end)
  end

  defp cycle_loop([], list, acc, fun), do: cycle_loop(list, list, acc, fun)
  defp cycle_loop([h | t], list, acc, fun) do
    case fun.(h, acc) do
      {:cont, acc} -> cycle_loop(t, list, acc, fun)
      {:halt, acc} -> {:halted, acc}
    end
  end

  def interval(_ms), do: raise(ArgumentError, "not supported yet: Stream.interval")

  def resource(start, next, after_fun) do
    new(fn {:halt, acc}, _ -> {:halted, acc}
           {:cont, acc}, fun ->
             s = start.()
             try do
               resource_loop(s, next, acc, fun)
             after
               :ok
             end
             |> then(fn {tag, acc, s} -> after_fun.(s); {tag, acc} end)
    end)
  end

  defp resource_loop(s, next, acc, fun) do
    case next.(s) do
      {:halt, s} -> {:done, acc, s}
      {items, s} ->
        case Enum.__reduce__(items, {:cont, {:cont, acc}}, fn x, {_, a} ->
               case fun.(x, a) do
                 {:cont, a} -> {:cont, {:cont, a}}
                 {:halt, a} -> {:halt, {:halt, a}}
               end
             end) do
          {_, {:halt, a}} -> {:halted, a, s}
          {_, {:cont, a}} -> resource_loop(s, next, a, fun)
        end
    end
  end

  def zip(a, b), do: new(fn cmd, fun -> src(Enum.zip(a, b), cmd, fun) end)

  def run(e) do
    src(e, {:cont, nil}, fn _, acc -> {:cont, acc} end)
    :ok
  end
end
