# Logger's console output (stdout, "\n<time> [level] message\n"): every
# level, lazy messages, chardata, Logger.configure(level:) from another
# process, :none, compare_levels. Timestamps vary: cli/tests/elixir.rs
# compares with them replaced. A short sleep keeps IO.puts after the
# (asynchronous in Elixir) log lines.
require Logger

Logger.debug("debug message")
Logger.info("info message")
Logger.notice("notice message")
Logger.warning("warning #{1 + 1}")
Logger.error(["chardata ", 'list'])
Logger.critical(fn -> "lazy critical" end)
Logger.alert("alert")
Logger.emergency("emergency")
Logger.log(:info, "via log/2")
Process.sleep(100)
IO.inspect(Logger.level(), label: "level")
IO.inspect(Logger.compare_levels(:debug, :info), label: "debug vs info")
IO.inspect(Logger.compare_levels(:error, :info), label: "error vs info")
IO.inspect(Logger.compare_levels(:info, :info), label: "info vs info")

task = Task.async(fn -> Logger.configure(level: :warning) end)
Task.await(task)
IO.inspect(Logger.level(), label: "level")
Logger.info("not shown")
Logger.debug(fn -> raise "never called" end)
Logger.warning("shown at warning")
Process.sleep(100)
Logger.configure(level: :none)
Logger.emergency("not even this")
Process.sleep(100)
IO.puts("done")
