{a, b, c} = {1, :two, "three"}
IO.inspect({a, b, c})
[h | t] = [1, 2, 3]
IO.inspect({h, t})
[first, second | _] = [:x, :y, :z]
IO.inspect({first, second})
%{name: name} = %{name: "Bo", age: 3}
IO.puts(name)
x = 1
^x = 1
case 2 do
  ^x -> IO.puts("one")
  other -> IO.puts("other #{other}")
end
<<head::binary-size(3), rest::binary>> = "abcdef"
IO.inspect({head, rest})
"prefix-" <> suffix = "prefix-value"
IO.puts(suffix)
{:ok, [n | _]} = {:ok, [10, 20]}
IO.puts(n)
{_, _, z} = {1, 2, 3}
IO.puts(z)
[a, a] = [5, 5]
IO.puts(a)
try do
  [b, b] = [1, 2]
  IO.puts(b)
rescue
  e in MatchError -> IO.puts("MatchError: " <> Exception.message(e))
end
defmodule M do
  def describe({:circle, r}), do: "circle #{r}"
  def describe({:rect, w, h}) when w == h, do: "square #{w}"
  def describe({:rect, w, h}), do: "rect #{w}x#{h}"
  def describe(%{type: t}), do: "map #{t}"
  def describe([_ | _] = l), do: "list of #{length(l)}"
  def describe(_), do: "unknown"
end
for s <- [{:circle, 2}, {:rect, 3, 3}, {:rect, 2, 5}, %{type: :x}, [1, 2], 42] do
  IO.puts(M.describe(s))
end
case {1, [2, 3]} do
  {1, [_, y]} when y > 2 -> IO.puts("matched #{y}")
  _ -> IO.puts("no")
end
m = %{a: %{b: %{c: 42}}}
%{a: %{b: %{c: deep}}} = m
IO.puts(deep)
key = :a
%{^key => v} = %{a: 7}
IO.puts(v)
{:ok, val} = if true, do: {:ok, 1}, else: {:error, 0}
IO.puts(val)
