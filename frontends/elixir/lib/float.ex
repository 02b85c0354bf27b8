defmodule Float do
  def round(f, digits \\ 0) when is_float(f) do
    m = :math.pow(10, digits)
    x = :erlang.round(abs(f) * m) / m
    if f < 0, do: -x, else: x
  end
  def ceil(f, digits \\ 0) when is_float(f) do
    m = :math.pow(10, digits)
    :math.ceil(f * m) / m
  end
  def floor(f, digits \\ 0) when is_float(f) do
    m = :math.pow(10, digits)
    :math.floor(f * m) / m
  end
  def to_string(f) when is_float(f), do: :"$elixir".inspect(f, [])
  def parse(s) when is_binary(s) do
    case Integer.parse(s) do
      :error -> :error
      {i, "." <> rest} ->
        case frac(rest, 0, 1) do
          {_, _, 0} -> {i * 1.0, "." <> rest}
          {num, den, _} ->
            {mant, rest2} = {num / den, String.slice(rest, frac_len(rest, 0), byte_size(rest))}
            v = if String.starts_with?(s, "-"), do: i - mant, else: i + mant
            exp(v, rest2)
        end
      {i, rest} -> exp(i * 1.0, rest)
    end
  end
  defp frac(<<c, rest::binary>>, num, den) when c >= ?0 and c <= ?9 do
    {n, d, k} = frac(rest, num * 10 + (c - ?0), den * 10)
    {n, d, k + 1}
  end
  defp frac(_, num, den), do: {num, den, 0}
  defp frac_len(<<c, rest::binary>>, n) when c >= ?0 and c <= ?9, do: frac_len(rest, n + 1)
  defp frac_len(_, n), do: n
  defp exp(v, <<e, rest::binary>> = all) when e == ?e or e == ?E do
    case Integer.parse(rest) do
      {x, rest2} -> {v * :math.pow(10, x), rest2}
      :error -> {v, all}
    end
  end
  defp exp(v, rest), do: {v, rest}
  def to_charlist(f), do: String.to_charlist(to_string(f))
end
