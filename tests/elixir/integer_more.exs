# Integer: parse/1,2 (signs, bases), digits/undigits with bases, extended_gcd,
# to_charlist/2, Integer.is_even/is_odd in guards.
IO.inspect(Integer.parse("12abc"))
IO.inspect(Integer.parse("-12"))
IO.inspect(Integer.parse("+7 rest"))
IO.inspect(Integer.parse("++1"))
IO.inspect(Integer.parse("--1"))
IO.inspect(Integer.parse(""))
IO.inspect(Integer.parse("ff", 16))
IO.inspect(Integer.parse("FFz", 16))
IO.inspect(Integer.parse("102", 2))
IO.inspect(Integer.parse("zz", 36))
try do
  Integer.parse("1", 37)
rescue
  e -> IO.puts(Exception.message(e))
end
IO.inspect(Integer.digits(0))
IO.inspect(Integer.digits(123))
IO.inspect(Integer.digits(-123))
IO.inspect(Integer.digits(0, 2))
IO.inspect(Integer.digits(170, 16))
IO.inspect(Integer.digits(10, 2))
IO.inspect(Integer.undigits([1, 2, 3]))
IO.inspect(Integer.undigits([1, 0, 1], 2))
IO.inspect(Integer.undigits([]))
try do
  Integer.undigits([1, 2], 2)
rescue
  e -> IO.puts(Exception.message(e))
end
IO.inspect(Integer.extended_gcd(240, 46))
IO.inspect(Integer.extended_gcd(0, 5))
IO.inspect(Integer.extended_gcd(-10, 4))
IO.inspect(Integer.extended_gcd(10, -4))
IO.inspect(Integer.extended_gcd(0, 0))
IO.inspect(Integer.to_charlist(255, 16))

defmodule Guards do
  require Integer
  def kind(x) when Integer.is_even(x), do: :even
  def kind(x) when Integer.is_odd(x), do: :odd
  def kind(_), do: :other
end

IO.inspect(Enum.map([1, 2, -3, 4.0, :a], &Guards.kind/1))
