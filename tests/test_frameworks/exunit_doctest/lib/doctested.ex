# The struct and its Inspect come first: Doctested.point/2 builds it.
defmodule Doctested.Point do
  defstruct [:x, :y]
end

defimpl Inspect, for: Doctested.Point do
  def inspect(%{x: x, y: y}, _opts), do: "#Point<#{x}, #{y}>"
end

defmodule Doctested do
  @moduledoc """
  Examples in a module's docs run as tests with `doctest Doctested`.

      iex> Doctested.add(2, 2)
      4
  """

  @doc """
  Adds two numbers.

      iex> Doctested.add(1, 2)
      3

  Bindings carry over between the prompts of one example, and an
  expression may continue on `...>` lines:

      iex> x = 5
      iex> Doctested.add(x,
      ...>   1)
      7

      iex> Doctested.add(1, 1)
      2
      iex> Doctested.add(0, 0)
      0
  """
  def add(a, b), do: a + b

  def undocumented(x), do: x

  @doc """
      iex> Doctested.boom()
      ** (RuntimeError) boom

      iex> Doctested.boom()
      ** (RuntimeError) boom!

      iex> Doctested.boom()
      ** (ArgumentError) boom

      iex> Doctested.safe()
      ** (ArgumentError) boom

      iex> %{a: 1}
      %{a: 2}
  """
  def boom, do: raise("boom")
  def safe, do: :ok

  @doc """
      iex> Doctested.point(1, 2)
      #Point<1, 2>

      iex> Doctested.point(1, 2)
      #Point<2, 1>
  """
  def point(x, y), do: %Doctested.Point{x: x, y: y}
end
