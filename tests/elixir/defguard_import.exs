defmodule Guards do
  defguard is_pos_int(x) when is_integer(x) and x > 0
  defguard is_short(s) when is_binary(s) and byte_size(s) < 5
  defguardp is_private(x) when x == :secret
  def private?(x) when is_private(x), do: true
  def private?(_), do: false
end

defmodule UsesGuards do
  import Guards
  def classify(x) when is_pos_int(x), do: :positive
  def classify(x) when is_short(x), do: :short_string
  def classify(_), do: :other
  def both(a, b) when is_pos_int(a) and is_pos_int(b), do: a + b
  def both(_, _), do: :no
end

for v <- [3, -1, "abc", "abcdef", :x] do
  IO.inspect(UsesGuards.classify(v))
end
IO.inspect(UsesGuards.both(1, 2))
IO.inspect(UsesGuards.both(1, -2))
IO.inspect(Guards.private?(:secret))
