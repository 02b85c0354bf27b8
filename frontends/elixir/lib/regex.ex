defmodule Regex do
  # Regular expressions on the runtime's backtracking engine
  # ('$elixir':regex_run/4, runtime/src/bif/regex.rs). `opts` keeps the
  # modifier letters ("i", "m", "s", "u", "x"); `re_pattern` holds
  # {group_count, names}.
  defstruct source: "", opts: "", re_pattern: nil, re_version: nil

  defmodule CompileError do
    defexception message: "regex could not be compiled"
  end

  def compile(source, opts \\ "") do
    opts = if is_list(opts), do: opts_string(opts), else: opts
    case :"$elixir".regex_compile(source, opts) do
      {:ok, info} -> {:ok, %Regex{source: source, opts: opts, re_pattern: info}}
      {:error, {msg, at}} -> {:error, {:erlang.binary_to_list(msg), at}}
    end
  end

  def compile!(source, opts \\ "") do
    case compile(source, opts) do
      {:ok, r} -> r
      {:error, {msg, at}} -> raise Regex.CompileError, message: "#{msg} at position #{at}"
    end
  end

  defp opts_string(list) do
    for o <- list, into: "" do
      case o do
        :caseless -> "i"
        :multiline -> "m"
        :dotall -> "s"
        :unicode -> "u"
        :extended -> "x"
        _ -> ""
      end
    end
  end

  def source(%Regex{source: s}), do: s
  def opts(%Regex{opts: o}), do: o
  def regex?(%Regex{}), do: true
  def regex?(_), do: false

  def names(%Regex{re_pattern: {_, names}}), do: names

  defp exec(%Regex{source: s, opts: o}, string, offset), do: :"$elixir".regex_run(s, o, string, offset)

  def match?(%Regex{} = re, string) when is_binary(string), do: exec(re, string, 0) != nil

  def run(re, string, opts \\ []) do
    case exec(re, string, 0) do
      nil -> nil
      spans -> shape(spans, string, opts)
    end
  end

  defp shape(spans, string, opts) do
    spans =
      case Keyword.get(opts, :capture, :all) do
        :all -> spans
        :first -> [hd(spans)]
        :all_but_first -> tl(spans)
        :none -> []
        :all_names -> spans
      end
    case Keyword.get(opts, :return, :binary) do
      :index -> spans
      _ -> for {s, l} <- spans, do: (if s < 0, do: "", else: :binary.part(string, s, l))
    end
  end

  def named_captures(%Regex{source: src} = re, string, _opts \\ []) do
    case exec(re, string, 0) do
      nil -> nil
      [_ | groups] ->
        :maps.from_list(for {name, i} <- group_names(src, 0, 1, []) do
          {s, l} = :lists.nth(i, groups)
          {name, if(s < 0, do: "", else: :binary.part(string, s, l))}
        end)
    end
  end

  # {name, group number} of the named groups, by scanning the source.
  defp group_names(src, i, _g, acc) when i >= byte_size(src), do: :lists.reverse(acc)
  defp group_names(src, i, g, acc) do
    case :binary.part(src, i, byte_size(src) - i) do
      "\\" <> _ -> group_names(src, i + 2, g, acc)
      "(?<" <> rest -> named(src, i + 3, rest, g, acc)
      "(?P<" <> rest -> named(src, i + 4, rest, g, acc)
      "(?" <> _ -> group_names(src, i + 2, g, acc)
      "(" <> _ -> group_names(src, i + 1, g + 1, acc)
      _ -> group_names(src, i + 1, g, acc)
    end
  end

  defp named(src, i, rest, g, acc) do
    [name | _] = :binary.split(rest, ">")
    group_names(src, i, g + 1, [{name, g} | acc])
  end

  def scan(re, string, opts \\ []) do
    scan_from(re, string, 0, opts, [])
  end

  defp scan_from(re, string, offset, opts, acc) do
    if offset > byte_size(string) do
      :lists.reverse(acc)
    else
      case exec(re, string, offset) do
        nil -> :lists.reverse(acc)
        [{s, l} | _] = spans ->
          item =
            case spans do
              [_] -> shape(spans, string, opts)
              _ -> shape(spans, string, Keyword.put_new(opts, :capture, :all))
            end
          next = if l == 0, do: s + 1, else: s + l
          scan_from(re, string, next, opts, [item | acc])
      end
    end
  end

  def replace(re, string, replacement, opts \\ []) do
    global = Keyword.get(opts, :global, true)
    replace_from(re, string, replacement, 0, global, [])
  end

  defp replace_from(re, string, replacement, offset, global, acc) do
    case (if offset <= byte_size(string), do: exec(re, string, offset), else: nil) do
      nil ->
        IO.iodata_to_binary(:lists.reverse([:binary.part(string, offset, byte_size(string) - offset) | acc]))
      [{s, l} | _] = spans ->
        groups = for {gs, gl} <- spans, do: (if gs < 0, do: "", else: :binary.part(string, gs, gl))
        rep =
          cond do
            is_function(replacement) -> apply(replacement, Enum.take(groups, arity(replacement)))
            true -> expand(replacement, groups)
          end
        before = :binary.part(string, offset, s - offset)
        acc = [rep, before | acc]
        cond do
          not global ->
            rest = :binary.part(string, s + l, byte_size(string) - s - l)
            IO.iodata_to_binary(:lists.reverse([rest | acc]))
          l == 0 ->
            if s >= byte_size(string) do
              IO.iodata_to_binary(:lists.reverse(acc))
            else
              <<_::binary-size(s), c::utf8, _::binary>> = string
              replace_from(re, string, replacement, s + byte_size(<<c::utf8>>), global, [<<c::utf8>> | acc])
            end
          true ->
            replace_from(re, string, replacement, s + l, global, acc)
        end
    end
  end

  defp arity(f), do: elem(:erlang.fun_info(f, :arity), 1)

  # "\\1", "\\0", "\\g{1}" in a replacement string.
  defp expand(<<"\\g{", rest::binary>>, groups) do
    [n, rest] = :binary.split(rest, "}")
    [Enum.at(groups, String.to_integer(n), "") | expand(rest, groups)]
  end
  defp expand(<<"\\", d, rest::binary>>, groups) when d >= ?0 and d <= ?9,
    do: [Enum.at(groups, d - ?0, "") | expand(rest, groups)]
  defp expand(<<"\\\\", rest::binary>>, groups), do: ["\\" | expand(rest, groups)]
  defp expand(<<c, rest::binary>>, groups), do: [c | expand(rest, groups)]
  defp expand(<<>>, _), do: []

  def split(re, string, opts \\ []) do
    parts = Keyword.get(opts, :parts, :infinity)
    trim = Keyword.get(opts, :trim, false)
    result = split_from(re, string, 0, 0, parts, [])
    if trim, do: Enum.reject(result, &(&1 == "")), else: result
  end

  defp split_from(re, string, start, offset, parts, acc) do
    found = if parts == 1 or offset > byte_size(string), do: nil, else: exec(re, string, offset)
    case found do
      [{s, 0} | _] when s == start and s < byte_size(string) ->
        split_from(re, string, start, s + 1, parts, acc)
      [{s, l} | _] when not (l == 0 and s >= byte_size(string)) ->
        piece = :binary.part(string, start, s - start)
        parts = if parts == :infinity, do: :infinity, else: parts - 1
        split_from(re, string, s + l, if(l == 0, do: s + 1, else: s + l), parts, [piece | acc])
      _ ->
        :lists.reverse([:binary.part(string, start, byte_size(string) - start) | acc])
    end
  end

  def escape(string) do
    for <<c <- string>>, into: "" do
      if c in ~c".^$*+?()[]{}|\\-/# \t\n", do: <<?\\, c>>, else: <<c>>
    end
  end
end
