defmodule Classify do
  def kind(x) do
    case x do
      0 -> :zero
      n when is_integer(n) and n > 0 -> :positive
      n when is_integer(n) -> :negative
      {:ok, v} -> {:wrapped, v}
      [_ | _] -> :list
      _ -> :other
    end
  end

  def size(n) do
    cond do
      n < 10 -> :small
      n < 100 -> :medium
      true -> :large
    end
  end
end

IO.inspect(Enum.map([0, 5, -3, {:ok, 1}, [1], "s"], &Classify.kind/1))
IO.inspect(Enum.map([1, 50, 500], &Classify.size/1))
IO.inspect(if 1 > 2, do: :yes, else: :no)
IO.inspect(unless false, do: :ran)
IO.inspect(if nil, do: :yes)
x = 5
result =
  if x > 3 do
    "big"
  else
    "small"
  end
IO.puts(result)
