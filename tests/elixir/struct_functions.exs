defmodule Point do
  defstruct x: 0, y: 0
  def new(x, y), do: %Point{x: x, y: y}
  def add(%Point{x: a, y: b}, %Point{x: c, y: d}), do: %Point{x: a + c, y: b + d}
  def to_tuple(%Point{x: x, y: y}), do: {x, y}
end

defmodule Main do
  def run do
    p = Point.new(1, 2)
    q = Point.add(p, Point.new(10, 20))
    IO.inspect(q)
    IO.inspect(Point.to_tuple(q))
    IO.inspect(struct(Point, %{x: 5}))
    IO.inspect(struct!(Point, x: 7))
    IO.inspect(Map.put(p, :x, 100))
    IO.inspect(%{p | y: -1})
    IO.inspect(Map.from_struct(p))
    IO.inspect(p == %Point{x: 1, y: 2})
    IO.inspect(Enum.map([p, q], & &1.x))
    %{x: x} = q
    IO.inspect(x)
    try do
      struct!(Point, z: 1)
    rescue
      e in KeyError -> IO.puts("KeyError: " <> Exception.message(e))
    end
    IO.inspect(Point.__struct__())
  end
end

Main.run()
