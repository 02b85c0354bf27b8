defprotocol Shape do
  @doc "area"
  def area(shape)
  def name(shape)
end

defprotocol Describe do
  @fallback_to_any true
  def describe(x)
end

defmodule Circle do
  defstruct r: 1
end

defmodule Square do
  defstruct side: 1

  defimpl Shape do
    def area(%{side: s}), do: s * s
    def name(_), do: "square"
  end
end

defimpl Shape, for: Circle do
  def area(%Circle{r: r}), do: 3 * r * r
  def name(_), do: "circle"
end

defimpl Describe, for: Integer do
  def describe(n), do: "the integer #{n}"
end

defimpl Describe, for: List do
  def describe(l), do: "a list of #{length(l)}"
end

defimpl Describe, for: BitString do
  def describe(s), do: "the string #{inspect(s)} (#{@for}, #{inspect(@protocol)})"
end

defimpl Describe, for: Any do
  def describe(_), do: "something"
end

defmodule Point do
  defstruct x: 0, y: 0
end

defimpl String.Chars, for: Point do
  def to_string(%Point{x: x, y: y}), do: "(#{x}, #{y})"
end

defimpl Inspect, for: Point do
  def inspect(%Point{x: x, y: y}, _opts), do: "#Point<#{x},#{y}>"
end

defmodule Main do
  def run do
    for s <- [%Circle{r: 2}, %Square{side: 3}] do
      IO.puts("#{Shape.name(s)}: #{Shape.area(s)}")
    end
    IO.puts(Describe.describe(5))
    IO.puts(Describe.describe([1, 2]))
    IO.puts(Describe.describe("hi"))
    IO.puts(Describe.describe(:atom))
    IO.puts(Describe.describe(%Circle{}))
    p = %Point{x: 1, y: 2}
    IO.puts("point: #{p}")
    IO.puts(to_string(p))
    IO.inspect(p)
    IO.inspect([p, %{a: p}])
    IO.inspect(Shape.impl_for(%Circle{}))
    IO.inspect(Shape.impl_for(1))
    IO.inspect(Shape.__protocol__(:functions))
    try do
      Shape.area(42)
    rescue
      e in Protocol.UndefinedError -> IO.puts(Exception.message(e))
    end
    try do
      Shape.area(%Point{})
    rescue
      e -> IO.puts(Exception.message(e))
    end
  end
end

Main.run()
