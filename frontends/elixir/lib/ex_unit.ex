defmodule ExUnit do
  # ExUnit's runtime: configuration, module registration, the runner and
  # the CLI formatter's output (`mix test` / `elixir foo_test.exs`). The
  # compile-time half (test/describe/setup and the assertion macros) is
  # lower/exunit.rs. State lives in the process dictionary of the process
  # that runs the script (the runner runs there too, when the script ends).

  @config :"$ex_unit_config"
  @modules :"$ex_unit_modules"

  def start(opts \\ []) do
    configure(opts)
    :erlang.put(:"$ex_unit_started", :erlang.monotonic_time(:microsecond))

    autorun = Keyword.get(configuration(), :autorun, true)

    if autorun and :erlang.get(:"$ex_unit_driver") != true and
         :erlang.get(:"$ex_unit_autorun") != true do
      :erlang.put(:"$ex_unit_autorun", true)

      System.at_exit(fn
        0 ->
          %{failures: failures} = run()

          if failures > 0 do
            System.halt(Keyword.get(configuration(), :exit_status, 2))
          end

        _ ->
          :ok
      end)
    end

    :ok
  end

  def configure(opts) when is_list(opts) do
    :erlang.put(@config, Keyword.merge(configuration(), opts))
    :ok
  end

  def configuration() do
    case :erlang.get(@config) do
      :undefined -> []
      c -> c
    end
  end

  def __register__(module) do
    mods =
      case :erlang.get(@modules) do
        :undefined -> []
        l -> l
      end

    :erlang.put(@modules, [module | mods])
    :ok
  end

  # Runs the registered test modules: %{total:, failures:, skipped:, excluded:}.
  def run() do
    mods =
      case :erlang.put(@modules, []) do
        :undefined -> []
        l -> Enum.reverse(l)
      end

    load_us =
      case :erlang.get(:"$ex_unit_started") do
        :undefined -> 0
        t -> :erlang.monotonic_time(:microsecond) - t
      end

    ExUnit.Runner.run(mods, configuration(), load_us)
  end

  # The `eubeam test` driver (called through ExUnit.Driver.'$eubeam_test'/2):
  # runs the scripts' top levels (ExUnit.start() without autorun), then the
  # test modules among `modules`, and returns {passed, failed, skipped}.
  def __eubeam_test__(modules, opts) do
    :erlang.put(:"$ex_unit_driver", true)
    Enum.each(Map.get(opts, :entries, []), fn e -> e.main() end)
    :erlang.put(@modules, [])
    config = configuration()
    seed = Keyword.get(config, :seed, Map.get(opts, :seed, 0))
    filter = if is_binary(Map.get(opts, :filter)), do: opts.filter, else: nil
    config = Keyword.merge(config, seed: seed, filter: filter)
    mods = Enum.filter(modules, fn m -> :erlang.function_exported(m, :__ex_unit__, 0) end)
    r = ExUnit.Runner.run(mods, config, nil)
    :erlang.erase(:"$ex_unit_driver")
    passed = r.total - r.failures - r.skipped - r.excluded - r.invalid
    {passed, r.failures + r.invalid, r.skipped + r.excluded}
  end
end

defmodule ExUnit.AssertionError do
  defexception left: :ex_unit_no_meaningful_value,
               right: :ex_unit_no_meaningful_value,
               message: :ex_unit_no_meaningful_value,
               expr: :ex_unit_no_meaningful_value,
               args: :ex_unit_no_meaningful_value,
               doctest: :ex_unit_no_meaningful_value,
               context: :==

  def message(%{message: :ex_unit_no_meaningful_value}), do: "Assertion failed"
  def message(%{message: m}), do: m
end

defmodule ExUnit.TimeoutError do
  defexception [:timeout, :type]

  def message(%{timeout: timeout, type: type}) do
    "#{type} timed out after #{timeout}ms. You can change the timeout:\n\n" <>
      "  1. per test by setting \"@tag timeout: x\" (accepts :infinity)\n" <>
      "  2. per test module by setting \"@moduletag timeout: x\" (accepts :infinity)\n" <>
      "  3. globally via \"ExUnit.start(timeout: x)\" configuration\n" <>
      "  4. by running \"mix test --timeout x\" which sets timeout\n" <>
      "  5. or by running \"mix test --trace\" which sets timeout to infinity\n" <>
      "     (useful when using IEx.pry/0)\n\n" <>
      "where \"x\" is the timeout given as integer in milliseconds (defaults to 60_000).\n"
  end
end

defmodule ExUnit.Runner do
  # Modules run in processes of their own (async ones all at once, then the
  # others one by one); each test runs in a fresh process. Events come back
  # to the runner, which prints them as ExUnit's CLI formatter does.

  @no_value :ex_unit_no_meaningful_value

  def run(modules, config, load_us) do
    seed = Keyword.get(config, :seed) || rem(:erlang.system_time(:microsecond), 1_000_000)
    config = Keyword.put(config, :seed, seed)
    include = Keyword.get(config, :include, [])
    exclude = Keyword.get(config, :exclude, [])

    if exclude != [] or include != [] do
      if exclude != [], do: IO.puts("Excluding tags: #{inspect(exclude)}")
      if include != [], do: IO.puts("Including tags: #{inspect(include)}")
      IO.puts("")
    end

    start = :erlang.monotonic_time(:microsecond)
    infos = Enum.map(modules, fn m -> {m, m.__ex_unit__()} end)
    {async, sync} = Enum.split_with(infos, fn {_, info} -> info[:async] end)
    # Seed 0 runs sync modules last defined first, as ExUnit's server does.
    sync = if seed == 0, do: Enum.reverse(sync), else: sync
    stats = %{total: 0, failures: 0, skipped: 0, excluded: 0, invalid: 0, types: %{}}

    stats =
      if async == [] do
        stats
      else
        pids = Enum.map(shuffle(seed, 0, async), fn mod -> spawn_module(mod, config) end)
        collect(pids, stats)
      end

    async_us = if async == [], do: nil, else: :erlang.monotonic_time(:microsecond) - start

    stats =
      Enum.reduce(shuffle(seed, 1, sync), stats, fn mod, st ->
        collect([spawn_module(mod, config)], st)
      end)

    run_us = :erlang.monotonic_time(:microsecond) - start

    if stats.total > 0 and stats.excluded == stats.total do
      IO.puts("All tests have been excluded.")
    end

    IO.write("\n")
    IO.puts(format_times(run_us, async_us, load_us))
    print_summary(stats)
    IO.puts("\nRandomized with seed #{seed}")
    stats
  end

  ## Module and test processes

  defp spawn_module({mod, info}, config) do
    parent = self()
    {pid, _ref} = :erlang.spawn_monitor(fn -> run_module(parent, mod, info, config) end)
    pid
  end

  # Events until every module process in `pids` has finished.
  defp collect([], stats), do: stats

  defp collect(pids, stats) do
    receive do
      {:ex_unit, _pid, {:test_finished, test}} ->
        collect(pids, test_finished(test, stats))

      {:ex_unit, _pid, {:module_failed, mod, failures, count}} ->
        collect(pids, module_failed(mod, failures, count, stats))

      {:DOWN, _ref, :process, pid, _reason} ->
        collect(List.delete(pids, pid), stats)
    end
  end

  defp run_module(parent, mod, info, config) do
    seed = Keyword.get(config, :seed)
    include = Keyword.get(config, :include, [])
    exclude = Keyword.get(config, :exclude, [])
    filter = Keyword.get(config, :filter)
    file = info[:file]
    moduletags = Map.new(info[:moduletags])

    tests =
      for {name, line, describe, describe_line, tags, code_first, code, dsetup} <- info[:tests],
          filter == nil or String.contains?(Atom.to_string(name), filter) do
        tags =
          moduletags
          |> Map.merge(Map.new(tags))
          |> Map.merge(%{
            async: info[:async],
            line: line,
            file: file,
            test: name,
            module: mod,
            case: mod,
            describe: describe,
            describe_line: describe_line,
            registered: %{},
            test_type: :test
          })

        %{
          name: name,
          module: mod,
          tags: tags,
          describe_setup: dsetup,
          code: {code_first, code},
          doctest: nil,
          state: filter_state(include, exclude, tags)
        }
      end

    # Doctests go where their `doctest` stands among the tests.
    doctests =
      for {dmod, line, import, before} <- Keyword.get(info, :doctests, []),
          {dname, example} <- ExUnit.DocTest.__extract__(dmod) do
        name = :erlang.binary_to_atom("doctest " <> dname, :utf8)

        tags =
          moduletags
          |> Map.merge(%{
            async: info[:async],
            line: line,
            file: file,
            test: name,
            module: mod,
            case: mod,
            describe: nil,
            describe_line: nil,
            registered: %{},
            doctest: dmod,
            doctest_line: example.line,
            test_type: :doctest
          })

        {before,
         %{
           name: name,
           module: mod,
           tags: tags,
           describe_setup: nil,
           code: {0, []},
           doctest: {dmod, import, example},
           state: filter_state(include, exclude, tags)
         }}
      end
      |> Enum.filter(fn {_, t} -> filter == nil or String.contains?(Atom.to_string(t.name), filter) end)

    tests =
      if doctests == [] do
        tests
      else
        indexed = Enum.with_index(tests)

        Enum.flat_map(0..length(tests), fn i ->
          here = for {^i, d} <- doctests, do: d
          here ++ for({t, ^i} <- indexed, do: t)
        end)
      end

    tests = shuffle(seed, :erlang.phash2(mod), tests)
    {not_run, to_run} = Enum.split_with(tests, fn t -> t.state != nil end)
    Enum.each(not_run, fn t -> send(parent, {:ex_unit, self(), {:test_finished, t}}) end)

    if to_run != [] do
      case setup_all(mod, %{module: mod, case: mod}) do
        {:ok, context} ->
          Enum.each(to_run, fn t ->
            t = run_test(t, context, config)
            send(parent, {:ex_unit, self(), {:test_finished, t}})
          end)

        {:error, failure} ->
          Enum.each(to_run, fn t ->
            send(parent, {:ex_unit, self(), {:test_finished, %{t | state: {:invalid, mod}}}})
          end)

          send(parent, {:ex_unit, self(), {:module_failed, mod, [failure], length(to_run)}})
      end
    end
  end

  defp setup_all(mod, context) do
    try do
      {:ok, mod.__ex_unit__(:setup_all, context)}
    catch
      kind, reason ->
        {:error, {kind, Exception.normalize(kind, reason, __STACKTRACE__), prune(__STACKTRACE__)}}
    end
  end

  defp run_test(test, context, config) do
    parent = self()
    timeout = Map.get(test.tags, :timeout, Keyword.get(config, :timeout, 60_000))
    assert_t = Keyword.get(config, :assert_receive_timeout, 100)
    refute_t = Keyword.get(config, :refute_receive_timeout, 100)

    {pid, ref} =
      :erlang.spawn_monitor(fn ->
        :erlang.put({:ex_unit, :assert_receive_timeout}, assert_t)
        :erlang.put({:ex_unit, :refute_receive_timeout}, refute_t)
        capture = Map.get(test.tags, :capture_log, Keyword.get(config, :capture_log, false))

        {state, logs} =
          if capture do
            level = if is_list(capture), do: Keyword.get(capture, :level, :debug), else: :debug
            :erlang.put(:"$logger_capture", [{level, []}])
            state = exec_test(test, Map.merge(test.tags, context))
            [{_, acc} | _] = :erlang.get(:"$logger_capture")
            {state, :erlang.iolist_to_binary(acc)}
          else
            {exec_test(test, Map.merge(test.tags, context)), ""}
          end

        send(parent, {self(), :test_finished, state, logs})
        exit(:shutdown)
      end)

    receive do
      {^pid, :test_finished, state, logs} ->
        receive do
          {:DOWN, ^ref, :process, ^pid, _} -> :ok
        end

        Map.merge(test, %{state: state, logs: logs})

      {:DOWN, ^ref, :process, ^pid, reason} ->
        %{test | state: {:failed, [{:exit, reason, []}]}}
    after
      timeout ->
        :erlang.exit(pid, :kill)

        receive do
          {:DOWN, ^ref, :process, ^pid, _} -> :ok
        end

        e = ExUnit.TimeoutError.exception(timeout: timeout, type: "test")
        %{test | state: {:failed, [{:error, e, []}]}}
    end
  end

  defp exec_test(test, context) do
    state =
      try do
      ctx = test.module.__ex_unit__(:setup, context)

      ctx =
        case test.describe_setup do
          nil -> ctx
          f -> apply(test.module, f, [ctx])
        end

      case test.doctest do
        nil -> apply(test.module, test.name, [ctx])
        {dmod, import, example} -> ExUnit.DocTest.__run__(dmod, import, example)
      end

      nil
    catch
      kind, reason ->
        stack = __STACKTRACE__
        {:failed, [{kind, Exception.normalize(kind, reason, stack), prune(stack)}]}
    end

    after_test(state)
  end

  defp after_test(state) do
    case {state, ExUnit.Callbacks.__after_test__()} do
      {nil, {kind, reason, stack}} -> {:failed, [{kind, reason, prune(stack)}]}
      _ -> state
    end
  end


  # Frames of the assertions go; the runner's frames and below go.
  defp prune([{ExUnit.Assertions, _, _, _} | t]), do: prune(t)
  defp prune([{ExUnit.Runner, _, _, _} | _]), do: []
  defp prune([h | t]), do: [h | prune(t)]
  defp prune([]), do: []

  ## Filters (ExUnit.Filters.eval)

  defp filter_state(include, exclude, tags) do
    skip? = not Enum.any?(include, fn f -> has_tag(f, %{skip: true}) end)

    case Map.fetch(tags, :skip) do
      {:ok, msg} when is_binary(msg) and skip? ->
        {:skipped, msg}

      {:ok, true} when skip? ->
        {:skipped, "due to skip tag"}

      _ ->
        excluded = Enum.find_value(exclude, fn f -> has_tag(f, tags) end)

        if !excluded or Enum.any?(include, fn f -> has_tag(f, tags) end) do
          nil
        else
          {:excluded, "due to #{excluded} filter"}
        end
    end
  end

  defp has_tag({key, value}, tags) when is_atom(key) do
    case Map.fetch(tags, key) do
      {:ok, ^value} -> key
      {:ok, tag} -> if to_string(tag) == to_string(value), do: key, else: false
      :error -> false
    end
  end

  defp has_tag(key, tags) when is_atom(key), do: Map.has_key?(tags, key) and key

  ## Order: seed 0 keeps definition order; other seeds shuffle

  defp shuffle(0, _salt, list), do: list

  defp shuffle(seed, salt, list) do
    {_, keyed} =
      Enum.reduce(list, {rem(seed + salt, 2_147_483_648), []}, fn x, {s, acc} ->
        s = rem(s * 1_103_515_245 + 12345, 2_147_483_648)
        {s, [{s, x} | acc]}
      end)

    keyed |> Enum.sort_by(fn {k, _} -> k end) |> Enum.map(fn {_, x} -> x end)
  end

  ## Output (ExUnit.CLIFormatter and ExUnit.Formatter)

  defp test_finished(test, stats) do
    type = Map.get(test.tags, :test_type, :test)
    types = Map.update(stats.types, type, 1, fn n -> n + 1 end)
    stats = %{stats | total: stats.total + 1, types: types}

    case test.state do
      nil ->
        IO.write(".")
        stats

      {:skipped, _} ->
        IO.write("*")
        %{stats | skipped: stats.skipped + 1}

      {:excluded, _} ->
        %{stats | excluded: stats.excluded + 1}

      {:invalid, _} ->
        IO.write("?")
        %{stats | invalid: stats.invalid + 1}

      {:failed, failures} ->
        n = stats.failures + 1
        IO.puts("\n")
        IO.puts(format_test_failure(test, failures, n))
        print_logs(Map.get(test, :logs, ""))
        %{stats | failures: n}
    end
  end

  defp module_failed(mod, failures, _count, stats) do
    text =
      with_counter(stats.failures, "#{inspect(mod)}: ") <>
        "failure on setup_all callback, all tests have been invalidated\n" <>
        Enum.map_join(failures, "", fn {kind, reason, stack} ->
          test = %{module: mod, name: nil, code: {0, []}}
          format_kind_reason(test, kind, reason, stack) <> format_stacktrace(stack, test)
        end)

    IO.puts("\n")
    IO.puts(text)
    stats
  end

  defp format_test_failure(test, failures, counter) do
    header = with_counter(counter, "#{test.name} (#{inspect(test.module)})") <> "\n"
    location = "     #{relative(test.tags.file)}:#{test.tags.line}\n"

    body =
      failures
      |> Enum.with_index()
      |> Enum.map_join("", fn {{kind, reason, stack}, index} ->
        failure_header(failures, index) <>
          format_kind_reason(test, kind, reason, stack) <> format_stacktrace(stack, test)
      end)

    header <> location <> body
  end

  # The logs a `@tag capture_log: true` test captured, shown when it failed.
  defp print_logs(""), do: nil

  defp print_logs(output) do
    indent = "\n     "
    IO.puts(["     The following output was logged:", indent | String.replace(output, "\n", indent)])
  end

  defp failure_header([_], _), do: ""
  defp failure_header(_, i), do: "\n     Failure ##{i + 1}\n"

  defp with_counter(counter, msg) when counter < 10, do: "  #{counter}) #{msg}"
  defp with_counter(counter, msg) when counter < 100, do: " #{counter}) #{msg}"
  defp with_counter(counter, msg), do: "#{counter}) #{msg}"

  defp format_kind_reason(test, :error, %ExUnit.AssertionError{} = e, stack) do
    label_size = if e.right != @no_value, do: 7, else: 6
    padding = label_size + 5

    code =
      if e.expr != @no_value do
        pad_multiline(e.expr, padding)
      else
        get_code(test, stack) || @no_value
      end

    fields =
      [
        note: if(e.message != @no_value, do: String.replace(e.message, "\n", "\n     "), else: @no_value),
        doctest: if(e.doctest != @no_value, do: pad_multiline(e.doctest, 7), else: @no_value),
        code: code
      ] ++ format_context(e, padding)

    for {label, value} <- fields, value != @no_value, into: "" do
      "     " <> format_label(label, label_size) <> value <> "\n"
    end
  end

  defp format_kind_reason(test, kind, reason, stack) do
    banner = Exception.format_banner(kind, reason, stack)
    text = "     " <> pad_multiline(banner, 5) <> "\n"

    case get_code(test, stack) do
      nil -> text
      code -> text <> "     code: " <> code <> "\n"
    end
  end

  defp format_label(:note, _), do: ""
  defp format_label(label, size), do: String.pad_trailing("#{label}:", size)

  defp format_context(%{context: {:mailbox, []}}, _padding), do: []

  defp format_context(%{left: {:__exu_code__, pattern}, context: {:mailbox, mailbox}}, _padding) do
    lines =
      Enum.map(mailbox, fn msg ->
        "\n       pattern: " <>
          pad_multiline(pattern, 16) <> "\n       value:   " <> inspect_multiline(msg, 16)
      end)

    [mailbox: Enum.join(lines, "\n")]
  end

  defp format_context(%{left: left, right: right}, padding) do
    [left: side(left, padding), right: side(right, padding)]
  end

  defp side(@no_value, _), do: @no_value
  defp side({:__exu_code__, code}, padding), do: pad_multiline(code, padding)
  defp side(value, padding), do: inspect_multiline(value, padding)

  defp inspect_multiline(value, padding) do
    value
    |> inspect(pretty: true, width: 80 - padding)
    |> pad_multiline(padding)
  end

  defp pad_multiline(text, padding) do
    String.replace(text, "\n", "\n" <> String.duplicate(" ", padding))
  end

  # The source line of the test's frame (ExUnit reads it from the file; the
  # compiler keeps the test's lines in __ex_unit__/0).
  defp get_code(%{module: mod, name: name, code: {first, lines}}, stack) do
    line =
      Enum.find_value(stack, fn
        {^mod, ^name, _, info} -> Keyword.get(info, :line)
        _ -> nil
      end)

    if is_integer(line) and line >= first do
      case Enum.at(lines, line - first) do
        nil -> nil
        text -> String.trim(text)
      end
    end
  end

  defp format_stacktrace([], _test), do: ""

  defp format_stacktrace(stack, test) do
    "     stacktrace:\n" <>
      Enum.map_join(stack, "", fn entry -> "       " <> format_entry(entry, test) <> "\n" end)
  end

  defp format_entry({mod, name, _, info}, %{module: mod, name: name}) do
    "#{relative(Keyword.get(info, :file))}:#{Keyword.get(info, :line)}: (test)"
  end

  # Paths as Path.relative_to_cwd prints the ones `eubeam test` found.
  defp relative(path) when is_list(path), do: relative(List.to_string(path))
  defp relative("./" <> path), do: relative(path)
  defp relative(path), do: path

  defp format_entry(entry, _test), do: Exception.format_stacktrace_entry(entry)

  defp format_times(run_us, async_us, load_us) do
    run = div(run_us, 10000)
    async = if async_us, do: div(async_us, 10000), else: 0
    load = if load_us, do: div(load_us, 10000), else: 0
    maybe_load = if load_us, do: "#{format_us(load)}s on load, ", else: ""

    "Finished in #{format_us(run + load)} seconds " <>
      "(#{maybe_load}#{format_us(async)}s async, #{format_us(run - async)}s sync)"
  end

  defp format_us(us) when us < 10, do: "0.0#{us}"

  defp format_us(us) do
    us = div(us, 10)
    "#{div(us, 10)}.#{rem(us, 10)}"
  end

  defp print_summary(stats) do
    counts =
      stats.types
      |> Enum.sort()
      |> Enum.map_join("", fn {type, n} ->
        type = Atom.to_string(type)
        "#{n} #{pluralize(n, type, type <> "s")}, "
      end)

    message = counts <> "#{stats.failures} #{pluralize(stats.failures, "failure", "failures")}"

    message = if stats.excluded > 0, do: message <> ", #{stats.excluded} excluded", else: message
    message = if stats.invalid > 0, do: message <> ", #{stats.invalid} invalid", else: message
    message = if stats.skipped > 0, do: message <> ", #{stats.skipped} skipped", else: message
    IO.puts(message)
  end

  defp pluralize(1, singular, _), do: singular
  defp pluralize(_, _, plural), do: plural
end
