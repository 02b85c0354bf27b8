defmodule Pipeline do
  def parse(s) do
    case Integer.parse(s) do
      {n, ""} -> {:ok, n}
      _ -> {:error, "not an integer: #{s}"}
    end
  end

  def validate({:ok, n}) when n >= 0, do: {:ok, n}
  def validate({:ok, n}), do: {:error, "negative: #{n}"}
  def validate(err), do: err

  def double({:ok, n}), do: {:ok, n * 2}
  def double(err), do: err

  def process(s), do: s |> parse() |> validate() |> double()

  def sum_all(strings) do
    Enum.reduce_while(strings, {:ok, 0}, fn s, {:ok, acc} ->
      case process(s) do
        {:ok, n} -> {:cont, {:ok, acc + n}}
        {:error, _} = e -> {:halt, e}
      end
    end)
  end
end

for s <- ["21", "-4", "x1", "0"] do
  IO.inspect(Pipeline.process(s))
end
IO.inspect(Pipeline.sum_all(["1", "2", "3"]))
IO.inspect(Pipeline.sum_all(["1", "oops", "3"]))
{oks, errs} = ["1", "a", "2", "-1"] |> Enum.map(&Pipeline.process/1) |> Enum.split_with(&match?({:ok, _}, &1))
IO.inspect({length(oks), length(errs)})
IO.inspect(Keyword.get_values([ok: 1, error: 2, ok: 3], :ok))
