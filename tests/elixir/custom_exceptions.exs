defmodule MyError do
  defexception message: "my default message"
end

defmodule ValidationError do
  defexception [:field, :reason]

  @impl true
  def message(%{field: f, reason: r}), do: "#{f} is invalid: #{r}"
end

defmodule Demo do
  def run(f) do
    try do
      f.()
    rescue
      e in MyError -> "MyError: #{e.message}"
      e in ValidationError -> "ValidationError: #{Exception.message(e)}"
      e in [ArgumentError, ArithmeticError] -> "builtin: #{Exception.message(e)}"
      e -> "other #{inspect(e.__struct__)}: #{Exception.message(e)}"
    end
  end
end

defmodule Main do
  def run do
    IO.puts(Demo.run(fn -> raise MyError end))
    IO.puts(Demo.run(fn -> raise MyError, message: "custom" end))
    IO.puts(Demo.run(fn -> raise MyError, "short form" end))
    IO.puts(Demo.run(fn -> raise ValidationError, field: :age, reason: "negative" end))
    IO.puts(Demo.run(fn -> raise ArgumentError, "bad" end))
    IO.puts(Demo.run(fn -> 1 / 0 end))
    IO.puts(Demo.run(fn -> raise "plain" end))
    IO.puts(Demo.run(fn -> Map.fetch!(%{}, :k) end))
    IO.puts(Demo.run(fn -> String.to_integer("x") end))
    e = %MyError{}
    IO.inspect(e)
    IO.inspect(Exception.message(ValidationError.exception(field: :x, reason: "y")))
    try do
      raise MyError
    rescue
      e ->
        IO.inspect(is_exception(e))
        IO.inspect(e.__exception__)
    end

    x =
      try do
        throw(:ball)
      catch
        :ball -> :caught
      end
    IO.inspect(x)
    y =
      try do
        exit(:bye)
      catch
        :exit, r -> {:exit, r}
      end
    IO.inspect(y)
    z =
      try do
        :ok
      rescue
        _ -> :err
      else
        :ok -> :else_branch
      after
        IO.puts("after runs")
      end
    IO.inspect(z)
  end
end

Main.run()
