defmodule ExUnit.DocTest do
  # Doctests: `doctest Mod` in a test module; Mod's `@doc`/`@moduledoc`
  # texts holding `iex>` examples come from the `__eubeam_docs__/0` the
  # compiler adds to Mod (`{file, [{:moduledoc | {name, arity}, line, text}]}`).
  # Each example group becomes a test "doctest Mod.fun/arity (N)"; running it
  # compiles the group at run time ('$elixir':compile_string/2) into a
  # module whose lines are the doc's own lines, so stack traces point there.

  # [{name, %{file, line, exprs: [{expr, expected, formatted, last_expr}]}}]
  def __extract__(mod) do
    {file, entries} =
      try do
        mod.__eubeam_docs__()
      rescue
        _ -> {nil, []}
      end

    {moduledocs, docs} = Enum.split_with(entries, fn {what, _, _} -> what == :moduledoc end)
    docs = Enum.sort_by(docs, fn {what, _, _} -> what end)

    (moduledocs ++ docs)
    |> Enum.flat_map(fn {what, line, text} ->
      Enum.map(parse(text, line), fn t -> {what, t} end)
    end)
    |> Enum.with_index(1)
    |> Enum.map(fn {{what, t}, n} -> {test_name(mod, what, n), Map.put(t, :file, file)} end)
  end

  defp test_name(mod, :moduledoc, n), do: "module #{inspect(mod)} (#{n})"
  defp test_name(mod, {f, a}, n), do: "#{inspect(mod)}.#{f}/#{a} (#{n})"

  ## Parsing the examples of one doc text

  defp parse(text, first_line) do
    lines =
      text
      |> String.split("\n")
      |> Enum.with_index(first_line)
      |> Enum.map(fn {l, n} -> {n, String.trim_leading(l)} end)

    groups(lines, [], [])
  end

  # Groups of examples separated by blank lines (or text that is not an
  # example): each group is one test.
  defp groups([], [], acc), do: Enum.reverse(acc)
  defp groups([], current, acc), do: Enum.reverse([close(current) | acc])

  defp groups([{n, "iex>" <> _} | _] = lines, current, acc) do
    {expr_lines, rest} = take_expr(lines)
    {expected, rest} = take_expected(rest, [])
    current = [{n, expr_lines, expected} | current]

    case rest do
      [{_, "iex>" <> _} | _] -> groups(rest, current, acc)
      _ -> groups(rest, [], [close(current) | acc])
    end
  end

  defp groups([{_, "iex(" <> _} = l | rest], current, acc) do
    groups([prompt_to_iex(l) | rest], current, acc)
  end

  defp groups([_ | rest], [], acc), do: groups(rest, [], acc)
  defp groups([_ | rest], current, acc), do: groups(rest, [], [close(current) | acc])

  defp prompt_to_iex({n, "iex(" <> rest}) do
    case String.split(rest, ">", parts: 2) do
      [_, code] -> {n, "iex>" <> code}
      _ -> {n, "iex(" <> rest}
    end
  end

  # The prompt line and its `...>` continuations.
  defp take_expr([{n, "iex>" <> code} | rest]) do
    {more, rest} = Enum.split_while(rest, fn {_, l} -> String.starts_with?(l, "...>") end)
    {[{n, "iex>" <> code} | more], rest}
  end

  defp take_expected([{_, ""} | _] = rest, acc), do: {Enum.reverse(acc), rest}
  defp take_expected([{_, "iex>" <> _} | _] = rest, acc), do: {Enum.reverse(acc), rest}
  defp take_expected([{_, "iex(" <> _} | _] = rest, acc), do: {Enum.reverse(acc), rest}
  defp take_expected([{_, l} | rest], acc), do: take_expected(rest, [l | acc])
  defp take_expected([], acc), do: {Enum.reverse(acc), []}

  defp close(current) do
    items = Enum.reverse(current)
    [{line, _, _} | _] = items

    {exprs, _} =
      Enum.map_reduce(items, [], fn {_n, expr_lines, expected}, shown ->
        shown = shown ++ Enum.map(expr_lines, fn {_, l} -> l end)
        code = Enum.map(expr_lines, fn {n, l} -> {n, strip_prompt(l)} end)
        exp = classify(Enum.join(expected, "\n"))
        {%{code: code, expected: exp, formatted: Enum.join(shown, "\n"), last: one_line(code)},
         shown ++ expected}
      end)

    %{line: line, exprs: exprs}
  end

  defp strip_prompt("iex> " <> code), do: code
  defp strip_prompt("iex>" <> code), do: code
  defp strip_prompt("...> " <> code), do: code
  defp strip_prompt("...>" <> code), do: code

  # The expression on one line, as Macro.to_string would print a call
  # spread over continuation lines.
  defp one_line(code) do
    code
    |> Enum.map(fn {_, l} -> String.trim(l) end)
    |> Enum.reduce("", fn
      l, "" -> l
      l, acc -> if String.ends_with?(acc, ["(", "[", "{"]), do: acc <> l, else: acc <> " " <> l
    end)
  end

  defp classify(""), do: nil

  defp classify("** (" <> rest) do
    case String.split(rest, ") ", parts: 2) do
      [mod, message] -> {:error, mod, message}
      _ -> {:test, "** (" <> rest}
    end
  end

  defp classify("#" <> rest = expected) do
    if Regex.match?(~r/^[A-Z][A-Za-z0-9_.]*</, rest),
      do: {:inspect, expected},
      else: {:test, expected}
  end

  defp classify(expected), do: {:test, expected}

  ## Running one test

  def __run__(mod, import, %{file: file, line: line, exprs: exprs}) do
    name = "ExUnit.DocTest.Run#{:erlang.unique_integer([:positive])}"
    header = "defmodule #{name} do " <> if(import, do: "import #{inspect(mod)}; ", else: "") <> "def run() do"
    where = "#{inspect(mod)}, #{line}, #{inspect(file)}"

    statements =
      Enum.flat_map(exprs, fn e ->
        [{_first, _} | _] = e.code
        {last_n, _} = List.last(e.code)
        lit = fn s -> inspect(s) end

        {open, close} =
          case e.expected do
            nil ->
              {"", ""}

            {:test, exp} ->
              {"exu_v = (",
               "); ExUnit.DocTest.__test__(exu_v, (#{exp}), #{lit.(e.formatted)}, #{lit.(e.last)}, #{lit.(exp)}, #{where})"}

            {:inspect, exp} ->
              {"exu_v = (",
               "); ExUnit.DocTest.__inspect__(exu_v, #{lit.(exp)}, #{lit.(e.formatted)}, #{lit.(e.last)}, #{where})"}

            {:error, emod, msg} ->
              {"ExUnit.DocTest.__error__(fn -> ",
               " end, #{lit.(msg)}, #{emod}, #{lit.(e.formatted)}, #{where})"}
          end

        lines = e.code

        Enum.map(lines, fn {n, l} ->
          first? = n == elem(hd(lines), 0)
          last? = n == last_n
          text = if(first?, do: open, else: "") <> l <> if(last?, do: close, else: "")
          {n, text}
        end)
      end)

    source = layout(header, statements)

    case :"$elixir".compile_string(file || "nofile", source) do
      {:ok, mods} ->
        run_mod = :erlang.binary_to_atom("Elixir." <> name, :utf8)
        _ = mods
        run_mod.run()
        :ok

      {:error, text} ->
        raise ExUnit.AssertionError,
          message: "Doctest did not compile: " <> text,
          doctest: "\n" <> Enum.map_join(exprs, "\n", fn e -> e.formatted end)
    end
  end

  # The statements at their own line numbers (the header on line 1).
  defp layout(header, statements) do
    {lines, _} =
      Enum.reduce(statements, {[header], 1}, fn {n, text}, {acc, at} ->
        if n > at do
          pad = List.duplicate("", n - at - 1)
          {[text | pad ++ acc], n}
        else
          [prev | rest] = acc
          {[prev <> "; " <> text | rest], at}
        end
      end)

    Enum.join(Enum.reverse(["end end" | lines]), "\n") <> "\n"
  end

  defp stack(mod, line, file), do: [{mod, :__MODULE__, 0, [line: line, file: String.to_charlist(file || "nofile")]}]

  def __test__(value, expected, formatted, last_expr, expected_expr, mod, line, file) do
    if value === expected do
      :ok
    else
      error = [
        message: "Doctest failed",
        doctest: "\n" <> formatted <> "\n" <> expected_expr,
        expr: "#{last_expr} === #{String.trim(expected_expr)}",
        left: value,
        right: expected
      ]

      reraise ExUnit.AssertionError, error, stack(mod, line, file)
    end
  end

  def __inspect__(value, expected, formatted, last_expr, mod, line, file) do
    actual = inspect(value)

    if actual == expected do
      :ok
    else
      expected_expr = inspect(expected)

      error = [
        message: "Doctest failed",
        doctest: "\n" <> formatted <> "\n" <> expected_expr,
        expr: "inspect(#{last_expr}) === #{expected_expr}",
        left: actual,
        right: expected
      ]

      reraise ExUnit.AssertionError, error, stack(mod, line, file)
    end
  end

  def __error__(fun, message, exception, formatted, mod, line, file) do
    doctest = "\n" <> formatted <> "\n** (#{inspect(exception)}) #{inspect(message)}"

    failed =
      try do
        fun.()
        "Doctest failed: expected exception #{inspect(exception)} but nothing was raised"
      rescue
        error ->
          actual = error.__struct__
          actual_message = Exception.message(error)

          cond do
            actual != exception ->
              "Doctest failed: expected exception #{inspect(exception)} but got " <>
                "#{inspect(actual)} with message #{inspect(actual_message)}"

            actual_message != message ->
              "Doctest failed: wrong message for #{inspect(actual)}\n" <>
                "expected:\n  #{inspect(message)}\nactual:\n  #{inspect(actual_message)}"

            true ->
              nil
          end
      end

    if failed do
      reraise ExUnit.AssertionError, [message: failed, doctest: doctest], stack(mod, line, file)
    else
      :ok
    end
  end
end
