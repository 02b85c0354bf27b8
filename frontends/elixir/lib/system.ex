defmodule System do
  # `at_exit/1` functions live in the process dictionary of the process
  # that registers them (a script runs in one process); the script's main/0
  # runs them when the top level ends (lower/module.rs `at_exit`), last
  # registered first, and again while they register more.
  def at_exit(fun) when is_function(fun, 1) do
    :erlang.put(:"$elixir_at_exit", [fun | get(:"$elixir_at_exit", [])])
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

  # The command line's arguments after `--` (the script's main/1 keeps
  # them in its process dictionary).
  def argv() do
    Enum.map(get(:"$elixir_argv", []), fn
      a when is_list(a) -> List.to_string(a)
      a -> a
    end)
  end

  def argv(args) when is_list(args) do
    :erlang.put(:"$elixir_argv", args)
    :ok
  end

  def get_env() do
    Map.new(:os.getenv(), fn var ->
      [k, v] = :string.split(var, '=')
      {List.to_string(k), List.to_string(v)}
    end)
  end

  def get_env(name, default \\ nil) when is_binary(name) do
    case :os.getenv(String.to_charlist(name)) do
      false -> default
      v -> List.to_string(v)
    end
  end

  def fetch_env(name) when is_binary(name) do
    case get_env(name) do
      nil -> :error
      v -> {:ok, v}
    end
  end

  def fetch_env!(name) when is_binary(name) do
    case get_env(name) do
      nil ->
        raise System.EnvError, env: name

      v ->
        v
    end
  end

  def put_env(name, value) when is_binary(name) and is_binary(value) do
    if String.contains?(name, "=") do
      raise ArgumentError,
            "cannot execute System.put_env/2 for key with \"=\", got: #{inspect(name)}"
    end

    :os.putenv(String.to_charlist(name), String.to_charlist(value))
    :ok
  end

  def put_env(enum) do
    Enum.each(enum, fn {k, v} -> put_env(to_string(k), to_string(v)) end)
    :ok
  end

  def delete_env(name) when is_binary(name) do
    :os.unsetenv(String.to_charlist(name))
    :ok
  end

  def cwd() do
    case :file.get_cwd() do
      {:ok, dir} -> List.to_string(dir)
      _ -> nil
    end
  end

  def cwd!() do
    cwd() || raise(RuntimeError, "could not get a current working directory, the current location is not accessible")
  end

  def user_home(), do: get_env("HOME")

  def user_home!() do
    user_home() || raise(RuntimeError, "could not find the user home, please set the HOME environment variable")
  end

  def tmp_dir() do
    get_env("TMPDIR") || get_env("TEMP") || get_env("TMP") || "/tmp"
  end

  def tmp_dir!(), do: tmp_dir()

  def pid(), do: List.to_string(:os.getpid())

  def halt(status \\ 0)
  def halt(status) when is_integer(status), do: :erlang.halt(status)
  def halt(:abort), do: :erlang.halt(:abort)
  def stop(status \\ 0), do: :erlang.halt(status)

  def cmd(command, _args, _opts \\ []) do
    raise RuntimeError, "not supported yet: System.cmd (running #{inspect(command)})"
  end

  def shell(command, _opts \\ []) do
    raise RuntimeError, "not supported yet: System.shell (running #{inspect(command)})"
  end

  def monotonic_time(), do: :erlang.monotonic_time()
  def monotonic_time(unit), do: :erlang.monotonic_time(unit)
  def system_time(), do: :erlang.system_time()
  def system_time(unit), do: :erlang.system_time(unit)
  def os_time(), do: :erlang.system_time()
  def os_time(unit), do: :erlang.system_time(unit)
  def time_offset(), do: 0
  def time_offset(_unit), do: 0
  def unique_integer(opts \\ []), do: :erlang.unique_integer(opts)
  def convert_time_unit(time, from, to), do: :erlang.convert_time_unit(time, from, to)
  def schedulers(), do: :erlang.system_info(:schedulers)
  def schedulers_online(), do: :erlang.system_info(:schedulers_online)
  def otp_release(), do: List.to_string(:erlang.system_info(:otp_release))
  def version(), do: "1.14.0"
  def endianness(), do: :little
  def compiled_endianness(), do: :little

  def build_info() do
    %{build: "1.14.0 (compiled with Erlang/OTP #{otp_release()})", date: "", otp_release: otp_release(), revision: "", version: "1.14.0"}
  end

  def stacktrace(), do: []

  defp get(key, default) do
    case :erlang.get(key) do
      :undefined -> default
      v -> v
    end
  end
end

defmodule System.EnvError do
  defexception [:env]

  def message(%{env: env}) do
    "could not fetch environment variable #{inspect(env)} because it is not set"
  end
end
