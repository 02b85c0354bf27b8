result =
  "  The Quick Brown Fox  "
  |> String.trim()
  |> String.downcase()
  |> String.split()
  |> Enum.map(&String.capitalize/1)
  |> Enum.join("_")
IO.puts(result)
1..10
|> Enum.filter(&(rem(&1, 2) == 1))
|> Enum.map(&(&1 * &1))
|> Enum.sum()
|> IO.inspect()
[3, 1, 2]
|> Enum.sort()
|> tap(&IO.inspect(&1, label: "sorted"))
|> Enum.map(&(&1 * 10))
|> then(fn l -> {length(l), l} end)
|> IO.inspect()
%{a: 1}
|> Map.put(:b, 2)
|> Map.update!(:a, &(&1 + 100))
|> Map.to_list()
|> IO.inspect()
"a-b-c" |> String.split("-") |> Enum.reverse() |> Enum.join("+") |> IO.puts()
5 |> Integer.to_string() |> String.pad_leading(3, "0") |> IO.puts()
[1, [2, [3]]] |> List.flatten() |> length() |> IO.inspect()
