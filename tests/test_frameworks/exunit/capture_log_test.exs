# ExUnit.CaptureLog: capture_log/with_log (with a level), @tag capture_log
# hiding a passing test's logs and showing a failing one's.
ExUnit.start(seed: 0)

defmodule CaptureLogTest do
  use ExUnit.Case
  import ExUnit.CaptureLog
  require Logger

  test "capture_log returns the log lines" do
    log = capture_log(fn -> Logger.error("boom") end)
    assert log =~ "[error] boom"
  end

  test "capture_log with a level" do
    log = capture_log([level: :error], fn ->
      Logger.info("quiet")
      Logger.error("loud")
    end)
    assert log =~ "loud"
    refute log =~ "quiet"
  end

  test "with_log" do
    {result, log} = with_log(fn -> Logger.warning("w"); 42 end)
    assert result == 42
    assert log =~ "[warning] w"
  end

  @tag capture_log: true
  test "tagged capture_log hides the logs" do
    Logger.error("hidden by the tag")
  end
end

defmodule CaptureLogFailTest do
  use ExUnit.Case
  require Logger

  @tag capture_log: true
  test "a failing test shows what it logged" do
    Logger.info("first")
    Logger.error("second")
    assert 1 == 2
  end
end
