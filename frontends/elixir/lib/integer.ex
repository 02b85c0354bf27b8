defmodule Integer do
  def pow(base, exp) when is_integer(base) and is_integer(exp) and exp >= 0, do: ipow(base, exp, 1)
  def pow(base, exp), do: :math.pow(base, exp)
  defp ipow(_, 0, acc), do: acc
  defp ipow(b, e, acc) when rem(e, 2) == 1, do: ipow(b * b, div(e, 2), acc * b)
  defp ipow(b, e, acc), do: ipow(b * b, div(e, 2), acc)
  def to_string(i), do: :erlang.integer_to_binary(i)
  def to_string(i, base), do: :erlang.integer_to_binary(i, base)
  def to_charlist(i), do: :erlang.integer_to_list(i)
  def parse(s) do
    case parse_digits(s, 0, 0, 1) do
      :error -> :error
      other -> other
    end
  end
  defp parse_digits(<<?-, rest::binary>>, 0, 0, 1), do: parse_digits(rest, 0, 0, -1)
  defp parse_digits(<<?+, rest::binary>>, 0, 0, 1), do: parse_digits(rest, 0, 0, 1)
  defp parse_digits(<<c, rest::binary>>, n, acc, sign) when c >= ?0 and c <= ?9,
    do: parse_digits(rest, n + 1, acc * 10 + (c - ?0), sign)
  defp parse_digits(_, 0, _, _), do: :error
  defp parse_digits(rest, _, acc, sign), do: {sign * acc, rest}
  def digits(i), do: Enum.map(:erlang.integer_to_list(abs(i)), fn c -> c - ?0 end)
  def undigits(digits, base \\ 10), do: Enum.reduce(digits, 0, fn d, acc -> acc * base + d end)
  def is_even(i), do: rem(i, 2) == 0
  def is_odd(i), do: rem(i, 2) != 0
  def gcd(a, 0), do: abs(a)
  def gcd(a, b), do: gcd(b, rem(a, b))
  def floor_div(a, b), do: div(a - (if rem(a, b) != 0 and (a < 0) != (b < 0), do: b, else: 0), b)
  def mod(a, b) do
    r = rem(a, b)
    if r != 0 and (r < 0) != (b < 0), do: r + b, else: r
  end
end
