defmodule Cond do
  def sign(n) do
    cond do
      n > 0 -> :positive
      n < 0 -> :negative
      true -> :zero
    end
  end

  def describe(x) do
    unless is_nil(x) do
      "value: #{inspect(x)}"
    else
      "nothing"
    end
  end

  def check(a, b) do
    if a do
      if b, do: :both, else: :only_a
    else
      if b, do: :only_b, else: :neither
    end
  end
end

IO.inspect(Enum.map([5, -3, 0], &Cond.sign/1))
IO.puts(Cond.describe(nil))
IO.puts(Cond.describe([1]))
IO.inspect(for a <- [true, false], b <- [true, false], do: Cond.check(a, b))
x = if false, do: :never
IO.inspect(x)
y = unless true, do: :never
IO.inspect(y)
z = cond do
  false -> 1
  nil -> 2
  :else -> 3
end
IO.inspect(z)
IO.inspect(if nil, do: 1, else: 2)
IO.inspect(if 0, do: :zero_is_truthy, else: :falsy)
IO.inspect(if "", do: :empty_string_truthy)
IO.inspect(true && "right")
IO.inspect(nil || "default")
IO.inspect(false || nil)
IO.inspect(!nil)
IO.inspect(not true)
IO.inspect(true and false)
IO.inspect(false or true)
try do
  cond do
    1 > 2 -> :no
  end
rescue
  e in CondClauseError -> IO.puts(Exception.message(e))
end
try do
  case :x do
    :y -> :no
  end
rescue
  e in CaseClauseError -> IO.puts(Exception.message(e))
end
