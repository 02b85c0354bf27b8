import Bitwise
IO.inspect(band(12, 10))
IO.inspect(bor(12, 10))
IO.inspect(bxor(12, 10))
IO.inspect(bnot(5))
IO.inspect(1 <<< 10)
IO.inspect(1024 >>> 3)
IO.inspect(12 &&& 10)
IO.inspect(12 ||| 3)
defmodule Big do
  def fact(0), do: 1
  def fact(n), do: n * fact(n - 1)
end
IO.inspect(Big.fact(50))
IO.inspect(Integer.pow(2, 200))
IO.inspect(Integer.pow(2, 64) - 1)
IO.inspect(-Integer.pow(10, 30))
IO.inspect(div(Integer.pow(10, 30), 7))
IO.inspect(rem(Integer.pow(10, 30), 7))
IO.inspect(Integer.pow(3, 100) |> Integer.digits() |> Enum.sum())
IO.inspect(Integer.to_string(Integer.pow(2, 100), 16))
IO.inspect(bsl(1, 100))
IO.inspect(Integer.pow(2, 100) > Integer.pow(2, 99))
IO.inspect(Integer.pow(2, 70) * 1.0)
