# The Elixir part of the mixed run: ExUnit, two passing tests and a
# failing one.
ExUnit.start(seed: 0)

defmodule MixedElixirTest do
  use ExUnit.Case

  test "sum" do
    assert Enum.sum([1, 2, 3]) == 6
  end

  test "reverse" do
    assert Enum.reverse([:a, :b, :c]) == [:c, :b, :a]
  end

  test "fails" do
    assert length([:a, :b]) == 3
  end
end
