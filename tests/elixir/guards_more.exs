defmodule G do
  def kind(x) when is_integer(x) and x > 0, do: :pos_int
  def kind(x) when is_integer(x), do: :int
  def kind(x) when is_float(x), do: :float
  def kind(x) when is_binary(x) and byte_size(x) > 3, do: :long_string
  def kind(x) when is_binary(x), do: :string
  def kind(x) when is_atom(x) and not is_nil(x), do: :atom
  def kind(nil), do: :nil
  def kind(x) when is_list(x) and length(x) == 0, do: :empty_list
  def kind([_ | _]), do: :list
  def kind(x) when is_map(x) and map_size(x) == 0, do: :empty_map
  def kind(%{}), do: :map
  def kind(x) when is_tuple(x) and tuple_size(x) == 2, do: :pair
  def kind(x) when is_function(x, 1), do: :fun1
  def kind(_), do: :other

  def grade(s) when s in 90..100, do: "A"
  def grade(s) when s in [80, 81, 82, 83, 84, 85, 86, 87, 88, 89], do: "B"
  def grade(s) when s >= 70 or s == -1, do: "C"
  def grade(_), do: "F"

  def check(x) when rem(x, 15) == 0, do: "FizzBuzz"
  def check(x) when rem(x, 3) == 0, do: "Fizz"
  def check(x) when rem(x, 5) == 0, do: "Buzz"
  def check(x), do: Integer.to_string(x)

  def safe_div(a, b) when b != 0, do: {:ok, div(a, b)}
  def safe_div(_, 0), do: {:error, :zero}

  def elem_guard(t) when elem(t, 0) == :ok, do: :ok_tuple
  def elem_guard(_), do: :not_ok
end

for v <- [5, -5, 1.5, "hello", "hi", :x, nil, [], [1], %{}, %{a: 1}, {1, 2}, &abs/1, {1, 2, 3}] do
  IO.inspect(G.kind(v))
end
IO.inspect(Enum.map([95, 85, 75, -1, 10], &G.grade/1))
IO.puts(Enum.map_join(1..15, " ", &G.check/1))
IO.inspect(G.safe_div(10, 3))
IO.inspect(G.safe_div(1, 0))
IO.inspect(G.elem_guard({:ok, 1}))
IO.inspect(G.elem_guard({:error, 1}))
f = fn x when x > 10 -> :big; _ -> :small end
IO.inspect({f.(11), f.(1)})
