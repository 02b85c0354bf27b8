text = """
The quick brown fox jumps over the lazy dog.
The dog barks; the fox runs away!
A quick brown dog? No -- a quick brown fox.
"""
words =
  text
  |> String.downcase()
  |> String.replace(~r/[^a-z\s]/, " ")
  |> String.split()
counts = Enum.frequencies(words)
top =
  counts
  |> Enum.sort_by(fn {w, c} -> {-c, w} end)
  |> Enum.take(5)
for {w, c} <- top, do: IO.puts("#{String.pad_trailing(w, 8)} #{c}")
IO.puts("distinct: #{map_size(counts)}")
IO.puts("total: #{length(words)}")
longest = Enum.max_by(words, &String.length/1)
IO.puts("longest: #{longest}")
by_len = Enum.group_by(Enum.uniq(words), &String.length/1)
IO.inspect(Map.get(by_len, 5) |> Enum.sort())
lines = String.split(text, "\n", trim: true)
IO.inspect(Enum.map(lines, &length(String.split(&1))))
