# Callbacks, tags and filters, receive and catch assertions, async
# and sync modules: failing ones print the mailbox and the values.
ExUnit.start(seed: 0, exclude: [:slow])

defmodule BTest do
  use ExUnit.Case, async: true

  @moduletag :mod

  setup_all do
    {:ok, all: :yes}
  end

  setup context do
    [from_setup: context.test]
  end

  test "context", context do
    assert context.all == :yes
    assert context.from_setup == :"test context"
    assert context.mod == true
    assert context.module == BTest
    assert Map.keys(context) |> Enum.sort() == []
  end

  @tag :slow
  test "slow excluded" do
    assert false
  end

  describe "receive" do
    @describetag dt: 1
    setup do
      %{in_describe: true}
    end

    test "assert_receive fails", ctx do
      send(self(), {:other, 1})
      assert ctx.in_describe
      assert_receive {:hello, _}, 10
    end

    test "assert_received fails" do
      assert_received :nope
    end

    test "refute_receive fails" do
      send(self(), :yes)
      refute_receive :yes
    end
  end

  test "catch_error nothing" do
    catch_error(1 + 1)
  end

  test "catch_throw ok" do
    assert catch_throw(throw(:x)) == :x
    assert catch_exit(exit(:bye)) == :bye
    assert catch_error(:erlang.error(:oops)) == :oops
  end

  test "delta" do
    assert_in_delta 1.0, 1.5, 0.1
  end

  test "raise wrong" do
    assert_raise ArgumentError, fn -> raise "x" end
  end

  test "raise msg" do
    assert_raise RuntimeError, "a", fn -> raise "b" end
  end

  test "ne" do
    assert 1 != 1
  end

  test "strict" do
    assert 1 === 1.0
  end

  test "gt" do
    x = 1
    assert x > 2, "x too small"
  end

  test "refute val" do
    refute [1]
  end

  test "throw" do
    throw(:ball)
  end

  test "exit" do
    exit(:gone)
  end
end

defmodule CTest do
  use ExUnit.Case
  test "one" do
    assert [1, 2] == [1, 2, 3]
  end
end
