defmodule System do
  # `at_exit/1` functions live in the process dictionary of the process
  # that registers them (a script runs in one process); the script's main/0
  # runs them when the top level ends (lower/module.rs `at_exit`), last
  # registered first, and again while they register more.
  def at_exit(fun) when is_function(fun, 1) do
    funs =
      case :erlang.get(:"$elixir_at_exit") do
        :undefined -> []
        l -> l
      end

    :erlang.put(:"$elixir_at_exit", [fun | funs])
    :ok
  end

  def __run_at_exit__(funs, status) do
    :erlang.put(:"$elixir_at_exit", [])
    Enum.each(funs, fn f -> f.(status) end)

    case :erlang.get(:"$elixir_at_exit") do
      [] -> :erlang.erase(:"$elixir_at_exit")
      more -> __run_at_exit__(more, status)
    end
  end

  def halt(status \\ 0)
  def halt(status) when is_integer(status), do: :erlang.halt(status)
  def halt(:abort), do: :erlang.halt(:abort)
  def stop(status \\ 0), do: :erlang.halt(status)

  def monotonic_time(), do: :erlang.monotonic_time()
  def monotonic_time(unit), do: :erlang.monotonic_time(unit)
  def system_time(), do: :erlang.system_time()
  def system_time(unit), do: :erlang.system_time(unit)
  def os_time(), do: :erlang.system_time()
  def os_time(unit), do: :erlang.system_time(unit)
  def unique_integer(opts \\ []), do: :erlang.unique_integer(opts)
  def convert_time_unit(time, from, to), do: :erlang.convert_time_unit(time, from, to)
  def schedulers_online(), do: :erlang.system_info(:schedulers_online)
  def otp_release(), do: :erlang.list_to_binary(:erlang.system_info(:otp_release))
  def version(), do: "1.14.0"
end
