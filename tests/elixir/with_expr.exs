defmodule W do
  def run(m) do
    with {:ok, a} <- Map.fetch(m, :a),
         {:ok, b} <- Map.fetch(m, :b),
         sum = a + b do
      {:ok, sum}
    else
      :error -> {:error, :missing}
    end
  end

  def plain(x) do
    with {:ok, v} <- x, do: v
  end
end

IO.inspect(W.run(%{a: 1, b: 2}))
IO.inspect(W.run(%{a: 1}))
IO.inspect(W.plain({:ok, 5}))
IO.inspect(W.plain(:nope))
