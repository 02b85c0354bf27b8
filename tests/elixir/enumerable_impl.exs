defmodule Countdown do
  defstruct from: 3
end

defimpl Enumerable, for: Countdown do
  def reduce(_cd, {:halt, acc}, _fun), do: {:halted, acc}
  def reduce(cd, {:suspend, acc}, fun), do: {:suspended, acc, &reduce(cd, &1, fun)}
  def reduce(%Countdown{from: 0}, {:cont, acc}, _fun), do: {:done, acc}
  def reduce(%Countdown{from: n}, {:cont, acc}, fun), do: reduce(%Countdown{from: n - 1}, fun.(n, acc), fun)
  def count(%Countdown{from: n}), do: {:ok, n}
  def member?(%Countdown{from: n}, x), do: {:ok, x in 1..n}
  def slice(_), do: {:error, __MODULE__}
end

defmodule Main do
  def run do
    cd = %Countdown{from: 5}
    IO.inspect(Enum.to_list(cd))
    IO.inspect(Enum.map(cd, &(&1 * 10)))
    IO.inspect(Enum.sum(cd))
    IO.inspect(Enum.filter(cd, &(rem(&1, 2) == 1)))
    for x <- %Countdown{from: 2}, do: IO.puts(x)
  end
end

Main.run()
