# Word frequencies of a short text: split, normalise, count in a map, and
# rank by count (then alphabetically).
text = """
The actor model treats actors as the universal primitives of concurrent \
computation. In response to a message it receives, an actor can make \
local decisions, create more actors, send more messages, and determine \
how to respond to the next message received. Actors may modify their \
own private state, but can only affect each other indirectly through \
messaging.\
"""

words = text |> String.downcase() |> String.split([" ", ".", ","], trim: true)
counts = Enum.frequencies(words)
IO.puts("#{length(words)} words, #{map_size(counts)} distinct")

counts
|> Enum.sort_by(fn {w, c} -> {-c, w} end)
|> Enum.take(6)
|> Enum.each(fn {w, c} -> IO.puts("#{String.pad_trailing(w, 10)} #{c}") end)

longest = Enum.reduce(words, "", fn w, best -> if String.length(w) > String.length(best), do: w, else: best end)
IO.puts("longest: #{longest} (#{String.length(longest)} letters)")
