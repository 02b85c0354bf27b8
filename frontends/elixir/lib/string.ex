defmodule String do
  # UTF-8 aware where it matters; graphemes are approximated by code points.

  def length(s), do: count_cp(s, 0)
  defp count_cp(<<_::utf8, rest::binary>>, n), do: count_cp(rest, n + 1)
  defp count_cp(<<_, rest::binary>>, n), do: count_cp(rest, n + 1)
  defp count_cp(<<>>, n), do: n

  def codepoints(<<c::utf8, rest::binary>>), do: [<<c::utf8>> | codepoints(rest)]
  def codepoints(<<>>), do: []
  def graphemes(s), do: codepoints(s)
  def to_charlist(s), do: cps(s)
  defp cps(<<c::utf8, rest::binary>>), do: [c | cps(rest)]
  defp cps(<<>>), do: []

  def upcase(s), do: map_cp(s, fn c -> if c >= ?a and c <= ?z, do: c - 32, else: up_latin(c) end)
  def downcase(s), do: map_cp(s, fn c -> if c >= ?A and c <= ?Z, do: c + 32, else: down_latin(c) end)
  defp up_latin(c) when c >= 0xE0 and c <= 0xFE and c != 0xF7, do: c - 32
  defp up_latin(c), do: c
  defp down_latin(c) when c >= 0xC0 and c <= 0xDE and c != 0xD7, do: c + 32
  defp down_latin(c), do: c
  defp map_cp(s, fun), do: map_cp(s, fun, "")
  defp map_cp(<<c::utf8, rest::binary>>, fun, acc), do: map_cp(rest, fun, <<acc::binary, fun.(c)::utf8>>)
  defp map_cp(<<>>, _, acc), do: acc

  def capitalize(s) do
    case s do
      <<c::utf8, rest::binary>> -> upcase(<<c::utf8>>) <> downcase(rest)
      "" -> ""
    end
  end

  def reverse(s), do: :erlang.iolist_to_binary(:lists.reverse(codepoints(s)))
  def duplicate(s, n), do: :erlang.iolist_to_binary(:lists.duplicate(n, s))

  def match?(s, %{__struct__: Regex} = re), do: Regex.match?(re, s)
  def contains?(s, %{__struct__: Regex} = re), do: Regex.match?(re, s)
  def contains?(s, [_ | _] = list), do: Enum.any?(list, fn p -> contains?(s, p) end)
  def contains?(_s, ""), do: true
  def contains?(s, p), do: :binary.match(s, p) != :nomatch

  def starts_with?(s, [_ | _] = list), do: Enum.any?(list, fn p -> starts_with?(s, p) end)
  def starts_with?(s, p) do
    n = byte_size(p)
    byte_size(s) >= n and :binary.part(s, 0, n) == p
  end
  def ends_with?(s, [_ | _] = list), do: Enum.any?(list, fn p -> ends_with?(s, p) end)
  def ends_with?(s, p) do
    n = byte_size(p)
    m = byte_size(s)
    m >= n and :binary.part(s, m - n, n) == p
  end

  def split(s), do: for(w <- :binary.split(s, [" ", "\t", "\n", "\r"], [:global]), w != "", do: w)
  def split(s, pat), do: split(s, pat, [])
  def split(s, %{__struct__: Regex} = re, opts), do: Regex.split(re, s, opts)
  def split(s, pat, opts) do
    parts =
      case Keyword.get(opts, :parts, :infinity) do
        :infinity -> :binary.split(s, pat, [:global])
        2 -> :binary.split(s, pat)
        n -> split_n(s, pat, n)
      end
    if Keyword.get(opts, :trim, false), do: for(p <- parts, p != "", do: p), else: parts
  end
  defp split_n(s, _pat, 1), do: [s]
  defp split_n(s, pat, n) do
    case :binary.split(s, pat) do
      [a, b] -> [a | split_n(b, pat, n - 1)]
      [a] -> [a]
    end
  end

  def replace(s, pat, rep), do: replace(s, pat, rep, [])
  def replace(s, %{__struct__: Regex} = re, rep, opts), do: Regex.replace(re, s, rep, opts)
  def replace(s, pat, rep, opts) do
    if Keyword.get(opts, :global, true) do
      :erlang.iolist_to_binary(Enum.join(:binary.split(s, pat, [:global]), rep))
    else
      :erlang.iolist_to_binary(Enum.join(:binary.split(s, pat), rep))
    end
  end

  def trim(s), do: trim_trailing(trim_leading(s))
  def trim(s, chars), do: trim_trailing(trim_leading(s, chars), chars)
  def trim_leading(<<c, rest::binary>>) when c in [?\s, ?\t, ?\n, ?\r, ?\v, ?\f], do: trim_leading(rest)
  def trim_leading(s), do: s
  def trim_leading(s, chars) do
    if chars != "" and starts_with?(s, chars), do: trim_leading(:binary.part(s, byte_size(chars), byte_size(s) - byte_size(chars)), chars), else: s
  end
  def trim_trailing(s) do
    n = byte_size(s)
    if n > 0 and :binary.at(s, n - 1) in [?\s, ?\t, ?\n, ?\r, ?\v, ?\f] do
      trim_trailing(:binary.part(s, 0, n - 1))
    else
      s
    end
  end
  def trim_trailing(s, chars) do
    if chars != "" and ends_with?(s, chars), do: trim_trailing(:binary.part(s, 0, byte_size(s) - byte_size(chars)), chars), else: s
  end

  def pad_leading(s, n, pad \\ " ") do
    len = String.length(s)
    if len >= n, do: s, else: fill(n - len, pad) <> s
  end
  def pad_trailing(s, n, pad \\ " ") do
    len = String.length(s)
    if len >= n, do: s, else: s <> fill(n - len, pad)
  end
  defp fill(n, pad) do
    whole = duplicate(pad, div(n, String.length(pad)) + 1)
    slice(whole, 0, n)
  end

  def slice(s, start, len) when start < 0, do: slice(s, String.length(s) + start, len)
  def slice(s, start, len) do
    cs = codepoints(s)
    :erlang.iolist_to_binary(Enum.take(Enum.drop(cs, start), len))
  end
  def slice(s, %{__struct__: Range, first: f, last: l}) do
    n = String.length(s)
    f = if f < 0, do: n + f, else: f
    l = if l < 0, do: n + l, else: l
    if l < f, do: "", else: slice(s, f, l - f + 1)
  end
  def at(s, i) do
    cs = codepoints(s)
    Enum.at(cs, i)
  end
  def first(""), do: nil
  def first(s), do: at(s, 0)
  def last(""), do: nil
  def last(s), do: List.last(codepoints(s))

  def to_integer(s), do: :erlang.binary_to_integer(s)
  def to_integer(s, base), do: :erlang.binary_to_integer(s, base)
  def to_atom(s), do: :erlang.binary_to_atom(s, :utf8)
  def to_existing_atom(s), do: :erlang.binary_to_existing_atom(s, :utf8)
  def to_float(s), do: :erlang.list_to_float(:erlang.binary_to_list(s))
  def valid?(s), do: valid_utf8(s)
  defp valid_utf8(<<_::utf8, rest::binary>>), do: valid_utf8(rest)
  defp valid_utf8(<<>>), do: true
  defp valid_utf8(_), do: false
  def printable?(s), do: is_binary(s)
  def equivalent?(a, b), do: a == b
  def replace_prefix(s, prefix, rep) do
    n = byte_size(prefix)
    case s do
      <<^prefix::binary-size(n), rest::binary>> -> rep <> rest
      _ -> s
    end
  end
  def replace_suffix(s, suffix, rep) do
    if String.ends_with?(s, suffix),
      do: binary_part(s, 0, byte_size(s) - byte_size(suffix)) <> rep,
      else: s
  end
  def split_at(s, n) when n >= 0 do
    {slice(s, 0, n), slice(s, n, length(s))}
  end
  def split_at(s, n) do
    k = max(length(s) + n, 0)
    {slice(s, 0, k), slice(s, k, length(s))}
  end
  def next_codepoint(<<c::utf8, rest::binary>>), do: {<<c::utf8>>, rest}
  def next_codepoint(""), do: nil
  def next_grapheme(s), do: next_codepoint(s)
end
