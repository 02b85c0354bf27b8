# A failing assertion of each kind, and errors raised in tests: the
# failures as ExUnit numbers and prints them, the exit status 2.
ExUnit.start(seed: 0)

defmodule ATest do
  use ExUnit.Case

  setup do
    {:ok, x: 1}
  end

  test "passes", %{x: x} do
    assert x == 1
  end

  test "eq fails" do
    assert 1 + 1 == 3
  end

  test "match fails" do
    assert {:ok, _} = {:error, :nope}
  end

  test "truthy fails" do
    v = nil
    assert v
  end

  test "refute fails" do
    refute 1 == 1
  end

  test "message", context do
    assert false, "custom message #{context.test}"
  end

  describe "group" do
    test "in" do
      assert 2 in [1, 3]
    end
    test "lt" do
      assert 5 < 3
    end
    test "re" do
      re = ~r/x/
      assert "abc" =~ re
    end
    test "sigil in the code" do
      assert "abc" =~ ~r/b+c$/i and false
    end
  end

  test "raise" do
    assert_raise ArgumentError, fn -> :ok end
  end

  test "flunk" do
    flunk "nope"
  end

  @tag :skip
  test "skipped" do
    assert false
  end

  test "error" do
    :erlang.error(:badarith)
  end

  test "raise in test" do
    raise "boom"
  end
end

defmodule SetupAllFailsTest do
  use ExUnit.Case

  setup_all do
    raise "setup_all broke"
  end

  test "never runs" do
    assert true
  end
end
