defmodule Base do
  # Base16 and Base64 (standard alphabet, padded), as Elixir's Base.
  def encode16(bin, opts \\ []) do
    case_ = Keyword.get(opts, :case, :upper)
    for <<b::4 <- bin>>, into: "", do: <<hex(b, case_)>>
  end

  defp hex(n, _) when n < 10, do: ?0 + n
  defp hex(n, :upper), do: ?A + n - 10
  defp hex(n, :lower), do: ?a + n - 10

  def decode16(s, _opts \\ []) do
    try do
      {:ok, decode16!(s)}
    rescue
      _ -> :error
    end
  end

  def decode16!(s, _opts \\ []) do
    if rem(byte_size(s), 2) != 0, do: raise(ArgumentError, "odd-length string")
    for <<a, b <- s>>, into: "", do: <<unhex(a) * 16 + unhex(b)>>
  end

  defp unhex(c) when c >= ?0 and c <= ?9, do: c - ?0
  defp unhex(c) when c >= ?A and c <= ?F, do: c - ?A + 10
  defp unhex(c) when c >= ?a and c <= ?f, do: c - ?a + 10
  defp unhex(c), do: raise(ArgumentError, "non-alphabet character found: #{inspect(<<c>>, binaries: :as_strings)} (byte #{c})")

  @alphabet 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'

  def encode64(bin, _opts \\ []), do: enc64(bin, :erlang.list_to_tuple(@alphabet), "")

  defp enc64(<<a::6, b::6, c::6, d::6, rest::binary>>, t, acc),
    do: enc64(rest, t, <<acc::binary, elem(t, a), elem(t, b), elem(t, c), elem(t, d)>>)
  defp enc64(<<a::6, b::6, c::4>>, t, acc), do: <<acc::binary, elem(t, a), elem(t, b), elem(t, c * 4), ?=>>
  defp enc64(<<a::6, b::2>>, t, acc), do: <<acc::binary, elem(t, a), elem(t, b * 16), ?=, ?=>>
  defp enc64(<<>>, _t, acc), do: acc

  def decode64(s, opts \\ []) do
    try do
      {:ok, decode64!(s, opts)}
    rescue
      _ -> :error
    end
  end

  def decode64!(s, _opts \\ []) do
    chars = for <<c <- s>>, c != ?=, do: val64(c)
    bits = for v <- chars, into: <<>>, do: <<v::6>>
    keep = div(bit_size(bits), 8) * 8
    <<out::bitstring-size(keep), _::bitstring>> = bits
    out
  end

  defp val64(c) when c >= ?A and c <= ?Z, do: c - ?A
  defp val64(c) when c >= ?a and c <= ?z, do: c - ?a + 26
  defp val64(c) when c >= ?0 and c <= ?9, do: c - ?0 + 52
  defp val64(?+), do: 62
  defp val64(?/), do: 63
  defp val64(c), do: raise(ArgumentError, "non-alphabet character found: #{inspect(<<c>>)} (byte #{c})")
end
