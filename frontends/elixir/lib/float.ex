defmodule Float do
  # round/ceil/floor with digits work on the float's exact binary value
  # (as Elixir does: Float.round(5.5675, 3) is 5.567 because 5.5675 is
  # 5.56749999...), and the decimal result is converted back with correct
  # rounding (binary_to_float).
  def round(f, digits \\ 0) when is_float(f) and is_integer(digits), do: to_digits(f, digits, :round)
  def ceil(f, digits \\ 0) when is_float(f) and is_integer(digits), do: to_digits(f, digits, :ceil)
  def floor(f, digits \\ 0) when is_float(f) and is_integer(digits), do: to_digits(f, digits, :floor)

  defp to_digits(f, digits, mode) do
    if digits < 0 or digits > 15 do
      raise ArgumentError, "precision #{digits} is out of valid range of 0..15"
    end

    {num, den} = exact(f)
    n = num * Integer.pow(10, digits)

    q =
      case mode do
        :floor -> Integer.floor_div(n, den)
        :ceil -> -Integer.floor_div(-n, den)
        :round -> if n < 0, do: -div(2 * -n + den, 2 * den), else: div(2 * n + den, 2 * den)
      end

    # A zero result keeps the sign of a negative input (ceil, floor of
    # -0.0), except when rounding, as Elixir's.
    negative = mode != :round and (f < 0 or <<f::float>> == <<-0.0::float>>)
    decimal_to_float(q, digits, negative)
  end

  # q / 10^digits as the nearest float ("-0.0" kept for negative zero).
  defp decimal_to_float(q, digits, negative) do
    text = Integer.to_string(abs(q))
    text = String.pad_leading(text, digits + 1, "0")
    int = binary_part(text, 0, byte_size(text) - digits)
    frac = if digits == 0, do: "0", else: binary_part(text, byte_size(text) - digits, digits)
    sign = if q < 0 or (q == 0 and negative), do: "-", else: ""
    :erlang.binary_to_float(sign <> int <> "." <> frac)
  end

  # The float's exact value num/den (den a power of two).
  defp exact(f) do
    <<sign::1, exp::11, mant::52>> = <<f::float>>
    {m, e} = if exp == 0, do: {mant, -1074}, else: {mant + 4_503_599_627_370_496, exp - 1075}
    m = if sign == 1, do: -m, else: m
    if e >= 0, do: {m * Integer.pow(2, e), 1}, else: {m, Integer.pow(2, -e)}
  end

  def ratio(f) when is_float(f) do
    {num, den} = exact(f)
    g = Integer.gcd(num, den)
    if g == 0, do: {0, 1}, else: {div(num, g), div(den, g)}
  end

  def to_string(f) when is_float(f), do: :"$elixir".inspect(f, [])
  # The numeric prefix (sign, digits, optional fraction, optional
  # exponent) converted exactly by binary_to_float.
  def parse(s) when is_binary(s) do
    {sign, rest} =
      case s do
        "-" <> r -> {"-", r}
        "+" <> r -> {"", r}
        r -> {"", r}
      end

    case digits(rest, "") do
      {"", _} ->
        :error

      {int, rest} ->
        {frac, rest} =
          case rest do
            "." <> r ->
              case digits(r, "") do
                {"", _} -> {"0", rest}
                {f, r2} -> {f, r2}
              end

            _ ->
              {"0", rest}
          end

        {exp, rest} = exponent(rest)

        # Out of the float range: :error, as Elixir's.
        try do
          {:erlang.binary_to_float(sign <> int <> "." <> frac <> exp), rest}
        rescue
          ArgumentError -> :error
        end
    end
  end

  defp digits(<<c, rest::binary>>, acc) when c >= ?0 and c <= ?9, do: digits(rest, <<acc::binary, c>>)
  defp digits(<<?_, c, rest::binary>>, acc) when acc != "" and c >= ?0 and c <= ?9,
    do: digits(rest, <<acc::binary, c>>)
  defp digits(rest, acc), do: {acc, rest}

  defp exponent(<<e, rest::binary>> = all) when e in [?e, ?E] do
    {sign, r} =
      case rest do
        "-" <> r -> {"-", r}
        "+" <> r -> {"", r}
        r -> {"", r}
      end

    case digits(r, "") do
      {"", _} -> {"", all}
      {d, r2} -> {"e" <> sign <> d, r2}
    end
  end

  defp exponent(rest), do: {"", rest}

  def to_charlist(f), do: String.to_charlist(to_string(f))
end
