defmodule DoctestedTest do
  use ExUnit.Case

  test "a plain test before the doctests" do
    assert Doctested.add(1, 2) == 3
  end

  doctest Doctested

  test "a plain test after them" do
    assert Doctested.undocumented(1) == 1
  end
end
