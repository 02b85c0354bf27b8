defmodule Integer do
  def pow(base, exp) when is_integer(base) and is_integer(exp) and exp >= 0, do: ipow(base, exp, 1)
  def pow(base, exp), do: :math.pow(base, exp)
  defp ipow(_, 0, acc), do: acc
  defp ipow(b, e, acc) when rem(e, 2) == 1, do: ipow(b * b, div(e, 2), acc * b)
  defp ipow(b, e, acc), do: ipow(b * b, div(e, 2), acc)
  def to_string(i), do: :erlang.integer_to_binary(i)
  def to_string(i, base), do: :erlang.integer_to_binary(i, base)
  def to_charlist(i), do: :erlang.integer_to_list(i)
  def to_charlist(i, base), do: :erlang.integer_to_list(i, base)
  def to_char_list(i), do: to_charlist(i)
  def to_char_list(i, base), do: to_charlist(i, base)

  def parse(s, base \\ 10)

  def parse(s, base) when is_binary(s) and is_integer(base) and base in 2..36 do
    case s do
      <<?-, rest::binary>> -> parse_digits(rest, base, 0, 0, -1)
      <<?+, rest::binary>> -> parse_digits(rest, base, 0, 0, 1)
      _ -> parse_digits(s, base, 0, 0, 1)
    end
  end

  def parse(_s, base) when is_integer(base) do
    raise ArgumentError, "invalid base #{inspect(base)}"
  end

  defp parse_digits(<<c, rest::binary>> = s, base, n, acc, sign) do
    case digit_value(c) do
      d when d < base -> parse_digits(rest, base, n + 1, acc * base + d, sign)
      _ -> done(s, n, acc, sign)
    end
  end

  defp parse_digits(<<>>, _base, n, acc, sign), do: done(<<>>, n, acc, sign)

  defp done(_rest, 0, _acc, _sign), do: :error
  defp done(rest, _n, acc, sign), do: {sign * acc, rest}

  defp digit_value(c) when c >= ?0 and c <= ?9, do: c - ?0
  defp digit_value(c) when c >= ?a and c <= ?z, do: c - ?a + 10
  defp digit_value(c) when c >= ?A and c <= ?Z, do: c - ?A + 10
  defp digit_value(_), do: 99

  def digits(i, base \\ 10) when is_integer(i) and is_integer(base) and base >= 2 do
    if i < 0, do: Enum.map(do_digits(-i, base, []), &(-&1)), else: do_digits(i, base, [])
  end

  defp do_digits(i, base, []) when i < base, do: [i]
  defp do_digits(0, _base, acc), do: acc
  defp do_digits(i, base, acc), do: do_digits(div(i, base), base, [rem(i, base) | acc])

  def undigits(digits, base \\ 10) when is_list(digits) and is_integer(base) and base >= 2 do
    Enum.reduce(digits, 0, fn d, acc ->
      if d >= base do
        raise ArgumentError, "invalid digit #{d} in base #{base}"
      end

      acc * base + d
    end)
  end

  # {gcd, s, t} with gcd = a*s + b*t.
  def extended_gcd(0, 0), do: {0, 0, 0}
  def extended_gcd(0, b), do: {b, 0, 1}
  def extended_gcd(a, 0), do: {a, 1, 0}

  def extended_gcd(a, b) when is_integer(a) and is_integer(b) do
    {g, s, t} = egcd(a, b, 0, 1, 1, 0)
    if g < 0, do: {-g, -s, -t}, else: {g, s, t}
  end

  defp egcd(r1, 0, _s0, _t0, s1, t1), do: {r1, s1, t1}

  defp egcd(r0, r1, s0, t0, s1, t1) do
    q = div(r0, r1)
    egcd(r1, r0 - q * r1, s1 - q * s0, t1 - q * t0, s0, t0)
  end
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
