defmodule OptionParser do
  # Command-line switches (`--name value`, `--name=value`, `--no-flag`,
  # aliases `-n`), with `strict:` or `switches:` types boolean, count,
  # integer, float, string and `:keep`; `--` ends the switches.

  def parse(argv, opts \\ []) when is_list(argv) and is_list(opts),
    do: loop(argv, config(opts), [], [], [], true)

  def parse_head(argv, opts \\ []) when is_list(argv) and is_list(opts),
    do: loop(argv, config(opts), [], [], [], false)

  def parse!(argv, opts \\ []), do: bang(parse(argv, opts), opts)
  def parse_head!(argv, opts \\ []), do: bang(parse_head(argv, opts), opts)

  defp bang({parsed, args, []}, _opts), do: {parsed, args}

  defp bang({_parsed, _args, invalid}, opts) do
    types = config(opts).switches
    n = length(invalid)
    head = if n == 1, do: "1 error found!\n", else: "#{n} errors found!\n"
    lines = Enum.map_join(invalid, "\n", fn {opt, value} -> error_line(opt, value, types) end)
    raise OptionParser.ParseError, message: head <> lines
  end

  defp error_line(opt, value, types) do
    case type_of(types, key_of(opt)) do
      nil -> "#{opt} : Unknown option"
      {type, _keep} when value == nil -> "#{opt} : Missing argument of type #{type}"
      {type, _keep} -> "#{opt} : Expected type #{type}, got #{inspect(value)}"
    end
  end

  defp key_of("--" <> name), do: String.to_atom(String.replace(name, "-", "_"))
  defp key_of(other), do: other

  defp config(opts) do
    strict = Keyword.get(opts, :strict)

    %{
      strict: strict != nil,
      switches: strict || Keyword.get(opts, :switches, []),
      aliases: Keyword.get(opts, :aliases, [])
    }
  end

  defp type_of(switches, key) when is_atom(key) do
    case Keyword.fetch(switches, key) do
      {:ok, :keep} -> {:string, true}
      {:ok, [type, :keep]} -> {type, true}
      {:ok, [:keep, type]} -> {type, true}
      {:ok, type} when is_atom(type) -> {type, false}
      _ -> nil
    end
  end

  defp type_of(_switches, _key), do: nil

  defp loop([], _c, parsed, args, invalid, _all),
    do: {Enum.reverse(parsed), Enum.reverse(args), Enum.reverse(invalid)}

  defp loop(["--" | rest], _c, parsed, args, invalid, _all),
    do: {Enum.reverse(parsed), Enum.reverse(args, rest), Enum.reverse(invalid)}

  defp loop(["-" <> name = arg | rest], c, parsed, args, invalid, all) when name != "" do
    if negative_number?(arg) and args != [] do
      plain(arg, rest, c, parsed, args, invalid, all)
    else
      {opt, inline} =
        case String.split(arg, "=", parts: 2) do
          [o, v] -> {o, v}
          [o] -> {o, nil}
        end

      option(opt, inline, rest, c, parsed, args, invalid, all)
    end
  end

  defp loop([arg | rest], c, parsed, args, invalid, all),
    do: plain(arg, rest, c, parsed, args, invalid, all)

  defp plain(arg, rest, c, parsed, args, invalid, true),
    do: loop(rest, c, parsed, [arg | args], invalid, true)

  defp plain(arg, rest, _c, parsed, args, invalid, false),
    do: {Enum.reverse(parsed), Enum.reverse(args, [arg | rest]), Enum.reverse(invalid)}

  defp negative_number?(arg), do: match?({_, ""}, Float.parse(arg))

  defp option(opt, inline, rest, c, parsed, args, invalid, all) do
    {key, negated} = switch_key(opt, c)
    strict = c.strict

    case key && type_of(c.switches, key) do
      {:boolean, _} ->
        loop(rest, c, store(parsed, key, not negated, false), args, invalid, all)

      {:count, _} ->
        n = Keyword.get(parsed, key, 0)
        loop(rest, c, store(parsed, key, n + 1, false), args, invalid, all)

      {type, keep} when not negated ->
        {value, rest} = take_value(inline, rest)

        case value && convert(type, value) do
          nil -> loop(rest, c, parsed, args, [{opt, nil} | invalid], all)
          {:ok, v} -> loop(rest, c, store(parsed, key, v, keep), args, invalid, all)
          :error -> loop(rest, c, parsed, args, [{opt, value} | invalid], all)
        end

      _ when strict ->
        {_value, rest} = if inline, do: {inline, rest}, else: take_value(nil, rest)
        loop(rest, c, parsed, args, [{opt, nil} | invalid], all)

      _ ->
        # switches: mode: an unknown switch takes the next argument as its
        # value when it is not a switch, else it is true.
        case {key, take_value(inline, rest)} do
          {nil, _} -> loop(rest, c, parsed, args, [{opt, nil} | invalid], all)
          {k, {nil, rest}} -> loop(rest, c, store(parsed, k, not negated, false), args, invalid, all)
          {k, {v, rest}} -> loop(rest, c, store(parsed, k, v, false), args, invalid, all)
        end
    end
  end

  # {key, negated?}: `--no-x` of a boolean x, `-a` through the aliases.
  defp switch_key("--no-" <> name = opt, c) do
    key = String.to_atom(String.replace(name, "-", "_"))

    case type_of(c.switches, key) do
      {:boolean, _} -> {key, true}
      _ -> {key_of(opt), false}
    end
  end

  defp switch_key("--" <> _ = opt, _c), do: {key_of(opt), false}

  defp switch_key("-" <> name, c) do
    case Keyword.fetch(c.aliases, String.to_atom(name)) do
      {:ok, key} -> {key, false}
      :error -> {nil, false}
    end
  end

  defp take_value(nil, [next | rest]) do
    if String.starts_with?(next, "-") and not negative_number?(next),
      do: {nil, [next | rest]},
      else: {next, rest}
  end

  defp take_value(nil, []), do: {nil, []}
  defp take_value(inline, rest), do: {inline, rest}

  defp convert(:string, v), do: {:ok, v}

  defp convert(:integer, v) do
    case Integer.parse(v) do
      {i, ""} -> {:ok, i}
      _ -> :error
    end
  end

  defp convert(:float, v) do
    case Float.parse(v) do
      {f, ""} -> {:ok, f}
      _ -> :error
    end
  end

  defp convert(_type, v), do: {:ok, v}

  # Parsed pairs, most recent first: a :keep switch accumulates, another
  # replaces its earlier value.
  defp store(parsed, key, value, true), do: [{key, value} | parsed]
  defp store(parsed, key, value, false), do: [{key, value} | Keyword.delete(parsed, key)]

  def split(string) when is_binary(string), do: split(String.to_charlist(string), [], [], nil)

  defp split([], [], acc, _q), do: Enum.reverse(acc)
  defp split([], word, acc, _q), do: Enum.reverse([word_string(word) | acc])
  defp split([?\\, c | rest], word, acc, q), do: split(rest, [c | word], acc, q)
  defp split([q | rest], word, acc, q) when q in [?", ?'], do: split(rest, word, acc, nil)
  defp split([c | rest], word, acc, nil) when c in [?", ?'], do: split(rest, word, acc, c)

  defp split([c | rest], word, acc, nil) when c in [?\s, ?\t, ?\n] do
    if word == [], do: split(rest, [], acc, nil), else: split(rest, [], [word_string(word) | acc], nil)
  end

  defp split([c | rest], word, acc, q), do: split(rest, [c | word], acc, q)

  defp word_string(word), do: word |> Enum.reverse() |> List.to_string()

  def to_argv(enum, _opts \\ []) do
    Enum.flat_map(enum, fn
      {_k, nil} -> []
      {k, true} -> [switch(k)]
      {k, false} -> ["--no-" <> dashed(k)]
      {k, v} -> [switch(k), to_string(v)]
    end)
  end

  defp switch(k), do: "--" <> dashed(k)
  defp dashed(k), do: k |> Atom.to_string() |> String.replace("_", "-")
end

defmodule OptionParser.ParseError do
  defexception [:message]
end
