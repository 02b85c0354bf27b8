defmodule Check do
  def parse(input) do
    with {:ok, n} <- to_int(input),
         true <- n > 0 || {:error, :not_positive},
         doubled = n * 2,
         {:ok, msg} <- describe(doubled) do
      {:ok, msg}
    else
      {:error, reason} -> {:failed, reason}
      :too_big -> {:failed, :too_big}
    end
  end

  defp to_int(s) do
    case Integer.parse(s) do
      {n, ""} -> {:ok, n}
      _ -> {:error, :not_a_number}
    end
  end

  defp describe(n) when n > 100, do: :too_big
  defp describe(n), do: {:ok, "value #{n}"}
end

for input <- ["5", "abc", "-3", "80"] do
  IO.inspect(Check.parse(input))
end

result =
  with {:ok, a} <- {:ok, 1},
       {:ok, b} <- {:ok, 2} do
    a + b
  end
IO.inspect(result)

IO.inspect(with {:ok, x} <- {:error, 1}, do: x)
IO.inspect(with x when x > 5 <- 10, do: x * 2)
