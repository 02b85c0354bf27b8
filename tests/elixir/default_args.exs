defmodule Greeter do
  def hello(name \\ "World", punct \\ "!"), do: "Hello, #{name}#{punct}"

  def join(a, b \\ nil, sep \\ " ")
  def join(a, nil, _sep), do: a
  def join(a, b, sep), do: a <> sep <> b

  defp secret, do: 42
  def reveal, do: secret()

  def local_capture, do: Enum.map([1, 2], &double/1)
  defp double(x), do: x * 2

  def describe(x, opts \\ [])
  def describe(x, opts) when is_integer(x), do: "int #{x} #{inspect(opts)}"
  def describe(x, _opts), do: "other #{inspect(x)}"
end
IO.puts(Greeter.hello())
IO.puts(Greeter.hello("Ann"))
IO.puts(Greeter.hello("Ann", "?"))
IO.puts(Greeter.join("a"))
IO.puts(Greeter.join("a", "b"))
IO.puts(Greeter.join("a", "b", "-"))
IO.inspect(Greeter.reveal())
IO.inspect(Greeter.local_capture())
IO.puts(Greeter.describe(1))
IO.puts(Greeter.describe(1, verbose: true))
IO.puts(Greeter.describe(:x))
f = &Greeter.hello/1
IO.puts(f.("cap"))
IO.inspect(function_exported?(Greeter, :hello, 2))
IO.inspect(function_exported?(Greeter, :secret, 0))
