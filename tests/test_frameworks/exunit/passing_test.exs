# Every assertion and callback of ExUnit that passes: the output is dots.
ExUnit.start()

defmodule Stack do
  def push(stack, x), do: [x | stack]
  def pop([x | rest]), do: {x, rest}
  def pop([]), do: raise(ArgumentError, "empty stack")
end

defmodule PassingTest do
  use ExUnit.Case, async: true

  @moduletag :stack

  setup_all do
    {:ok, shared: [1, 2, 3]}
  end

  setup context do
    Map.put(%{}, :doubled, Enum.map(context.shared, &(&1 * 2)))
  end

  test "operators" do
    assert 1 + 1 == 2
    assert 1 === 1
    assert 1 == 1.0
    assert 1 != 2
    assert 1 !== 1.0
    assert 3 > 2
    assert 2 < 3
    assert 2 >= 2
    assert 2 <= 2
    assert "hello world" =~ "world"
    assert "hello" =~ ~r/h.l+o/
    assert 2 in [1, 2, 3]
    refute 1 == 2
    refute 3 in [1, 2]
    refute nil
    refute false
  end

  test "match and bind" do
    assert {:ok, value} = {:ok, 42}
    assert value == 42
    assert [head | _] = Stack.push([], :a)
    assert head == :a
    assert match?(%{a: _}, %{a: 1, b: 2})
    refute match?({:error, _}, {:ok, 1})
  end

  test "context from setup and setup_all", context do
    assert context.shared == [1, 2, 3]
    assert context.doubled == [2, 4, 6]
    assert context.stack == true
    assert context.test == :"test context from setup and setup_all"
    assert context.module == PassingTest
  end

  test "pattern in the context", %{doubled: [first | _]} do
    assert first == 2
  end

  test "assert with a message" do
    assert true, "never shown"
    refute false, "never shown"
  end

  test "exceptions" do
    assert_raise ArgumentError, fn -> Stack.pop([]) end
    error = assert_raise ArgumentError, "empty stack", fn -> Stack.pop([]) end
    assert error.message == "empty stack"
    assert_raise RuntimeError, ~r/^bo+m$/, fn -> raise "boom" end
    assert catch_throw(throw(:ball)) == :ball
    assert catch_exit(exit(:bye)) == :bye
    assert catch_error(:erlang.error(:oops)) == :oops
  end

  test "messages" do
    send(self(), {:hello, 1})
    assert_received {:hello, n}
    assert n == 1
    parent = self()
    spawn(fn -> send(parent, {:pong, :from_child}) end)
    assert_receive {:pong, who}, 500
    assert who == :from_child
    refute_received :nothing
    refute_receive :nothing, 10
  end

  test "deltas" do
    assert_in_delta 1.0, 1.05, 0.1
    refute_in_delta 1.0, 2.0, 0.5
  end

  describe "push/2" do
    setup do
      [stack: Stack.push([], 1)]
    end

    test "puts on top", %{stack: stack} do
      assert Stack.push(stack, 2) == [2, 1]
    end

    @tag answer: 42
    test "sees its tag", context do
      assert context.answer == 42
      assert context.describe == "push/2"
    end
  end

  describe "pop/1" do
    test "takes the top" do
      assert Stack.pop([2, 1]) == {2, [1]}
    end
  end
end

defmodule SyncTest do
  use ExUnit.Case

  setup :start_agent

  defp start_agent(_context) do
    {:ok, pid} = Agent.start_link(fn -> 0 end)
    %{agent: pid}
  end

  test "the agent counts", %{agent: agent} do
    Agent.update(agent, &(&1 + 1))
    assert Agent.get(agent, & &1) == 1
  end

  test "flunk is not reached" do
    if false, do: flunk("unreachable")
  end
end

defmodule Counter do
  use Agent

  def start_link(initial), do: Agent.start_link(fn -> initial end)
  def bump(pid), do: Agent.update(pid, &(&1 + 1))
  def value(pid), do: Agent.get(pid, & &1)
end

defmodule SupervisedTest do
  use ExUnit.Case

  setup do
    parent = self()
    on_exit(fn -> send(parent, :never_seen_by_the_test) end)
    :ok
  end

  test "start_supervised and on_exit" do
    pid = start_supervised!({Counter, 41})
    Counter.bump(pid)
    assert Counter.value(pid) == 42
    assert {:ok, _other} = start_supervised({Counter, 0}, id: :second)
    assert :ok = stop_supervised(:second)
    on_exit(:named, fn -> :ok end)
  end
end

defmodule CaptureTest do
  use ExUnit.Case, async: true
  import ExUnit.CaptureIO

  test "capture_io collects what the function prints" do
    assert capture_io(fn -> IO.puts("hello") end) == "hello\n"
    assert capture_io(fn -> IO.write("a"); IO.inspect(:b) end) == "a:b\n"
  end

  test "capture_io serves the input to IO.gets" do
    output = capture_io("alice\nbob\n", fn ->
      name = IO.gets("name? ")
      IO.write("hi " <> name)
    end)
    assert output == "name? hi alice\n"
  end

  test "with_io returns the result too" do
    assert {42, "side\n"} = with_io(fn -> IO.puts("side"); 42 end)
  end
end
