defmodule Tree do
  def insert(nil, v), do: {v, nil, nil}
  def insert({x, l, r}, v) when v < x, do: {x, insert(l, v), r}
  def insert({x, l, r}, v), do: {x, l, insert(r, v)}
  def to_list(nil), do: []
  def to_list({x, l, r}), do: to_list(l) ++ [x] ++ to_list(r)
  def depth(nil), do: 0
  def depth({_, l, r}), do: 1 + max(depth(l), depth(r))
  def member?(nil, _), do: false
  def member?({x, _, _}, x), do: true
  def member?({x, l, _}, v) when v < x, do: member?(l, v)
  def member?({_, _, r}, v), do: member?(r, v)
end

t = Enum.reduce([50, 30, 70, 20, 40, 60, 80, 35], nil, &Tree.insert(&2, &1))
IO.inspect(Tree.to_list(t))
IO.inspect(Tree.depth(t))
IO.inspect({Tree.member?(t, 35), Tree.member?(t, 36)})
IO.inspect(t)

defmodule Perms do
  def of([]), do: [[]]
  def of(list), do: for(x <- list, rest <- of(list -- [x]), do: [x | rest])
end
IO.inspect(Perms.of([1, 2, 3]))

defmodule Queens do
  def solve(n), do: place(n, 0, [])
  defp place(n, n, qs), do: [Enum.reverse(qs)]
  defp place(n, row, qs) do
    for col <- 0..(n - 1), safe?(col, qs), sol <- place(n, row + 1, [col | qs]), do: sol
  end
  defp safe?(col, qs) do
    qs |> Enum.with_index(1) |> Enum.all?(fn {c, d} -> c != col and abs(c - col) != d end)
  end
end
IO.inspect(length(Queens.solve(6)))
IO.inspect(hd(Queens.solve(5)))
