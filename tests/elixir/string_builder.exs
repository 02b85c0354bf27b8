defmodule Table do
  def render(rows) do
    widths =
      rows
      |> Enum.map(fn row -> Enum.map(row, &String.length/1) end)
      |> Enum.zip()
      |> Enum.map(fn t -> t |> Tuple.to_list() |> Enum.max() end)
    sep = "+" <> Enum.map_join(widths, "+", &String.duplicate("-", &1 + 2)) <> "+"
    lines =
      Enum.map(rows, fn row ->
        cells = Enum.zip(row, widths) |> Enum.map(fn {c, w} -> " " <> String.pad_trailing(c, w) <> " " end)
        "|" <> Enum.join(cells, "|") <> "|"
      end)
    Enum.join([sep, hd(lines), sep | tl(lines)] ++ [sep], "\n")
  end
end

IO.puts(Table.render([["name", "lang", "year"], ["José", "Elixir", "2011"], ["Joe", "Erlang", "1986"]]))
csv = "id,name\n1,ann\n2,bob\n"
parsed = csv |> String.split("\n", trim: true) |> Enum.map(&String.split(&1, ","))
IO.inspect(parsed)
[header | rows] = parsed
IO.inspect(Enum.map(rows, fn r -> Enum.zip(header, r) |> Map.new() end))
IO.puts(String.duplicate("=", 20))
IO.puts(Enum.map_join(1..5, fn i -> String.duplicate("*", i) <> "\n" end))
