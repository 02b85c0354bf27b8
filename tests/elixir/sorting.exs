people = [%{name: "Cy", age: 30}, %{name: "Al", age: 25}, %{name: "Bo", age: 30}, %{name: "Di", age: 22}]
IO.inspect(Enum.sort_by(people, & &1.age) |> Enum.map(& &1.name))
IO.inspect(Enum.sort_by(people, &{-&1.age, &1.name}) |> Enum.map(& &1.name))
IO.inspect(Enum.sort_by(people, & &1.name, :desc) |> Enum.map(& &1.name))
IO.inspect(Enum.sort(["pear", "Apple", "banana", "apple"]))
IO.inspect(Enum.sort(["pear", "Apple", "banana"], &(String.downcase(&1) <= String.downcase(&2))))
IO.inspect(Enum.sort([3.5, 1, 2.0, -1]))
IO.inspect(Enum.sort([{2, :b}, {1, :z}, {2, :a}]))
IO.inspect(Enum.sort([[3], [1, 2], [1]]))
IO.inspect(Enum.sort(%{b: 1, a: 2}))
IO.inspect(Enum.sort([5, 2, 8], :asc))
IO.inspect(Enum.sort([5, 2, 8], &>=/2))
IO.inspect(Enum.min_by(people, & &1.age).name)
IO.inspect(Enum.group_by(people, & &1.age, & &1.name))
defmodule Msort do
  def sort([]), do: []
  def sort([x]), do: [x]
  def sort(l) do
    {a, b} = Enum.split(l, div(length(l), 2))
    merge(sort(a), sort(b))
  end
  defp merge([], b), do: b
  defp merge(a, []), do: a
  defp merge([x | xs], [y | _] = ys) when x <= y, do: [x | merge(xs, ys)]
  defp merge(xs, [y | ys]), do: [y | merge(xs, ys)]
end
IO.inspect(Msort.sort([9, 3, 7, 1, 8, 2, 6, 4, 5]))
