defmodule Exception do
  def message(%{__struct__: mod} = e), do: mod.message(e)

  # An Erlang error reason as the Elixir exception it stands for.
  def normalize(:error, %{__exception__: true} = e, _stack), do: e
  def normalize(:error, :badarith, _), do: ArithmeticError.exception([])
  def normalize(:error, :badarg, _), do: ArgumentError.exception([])
  def normalize(:error, {:badmatch, v}, _), do: MatchError.exception(term: v)
  def normalize(:error, {:case_clause, v}, _), do: CaseClauseError.exception(term: v)
  def normalize(:error, {:try_clause, v}, _), do: TryClauseError.exception(term: v)
  def normalize(:error, {:badkey, k}, _), do: KeyError.exception(key: k)
  def normalize(:error, {:badkey, k, m}, _), do: KeyError.exception(key: k, term: m)
  def normalize(:error, {:badmap, m}, _), do: BadMapError.exception(term: m)
  def normalize(:error, {:badbool, op, v}, _), do: BadBooleanError.exception(operator: op, term: v)
  def normalize(:error, {:badfun, f}, _), do: BadFunctionError.exception(term: f)
  def normalize(:error, {:badarity, {f, args}}, _), do: BadArityError.exception(function: f, args: args)
  def normalize(:error, :function_clause, stack), do: function_clause(stack)
  def normalize(:error, {:function_clause, _}, stack), do: function_clause(stack)
  def normalize(:error, :undef, stack), do: undef(stack)
  def normalize(:error, :if_clause, _), do: ErlangError.exception(original: :if_clause)
  def normalize(:error, other, _) do
    if is_tuple(other) and tuple_size(other) > 1 and elem(other, 0) == :function_clause do
      ErlangError.exception(original: other)
    else
      ErlangError.exception(original: other)
    end
  end
  def normalize(_kind, other, _), do: other

  defp function_clause([{m, f, args, _} | _]) when is_list(args),
    do: FunctionClauseError.exception(module: m, function: f, arity: length(args))
  defp function_clause([{m, f, a, _} | _]), do: FunctionClauseError.exception(module: m, function: f, arity: a)
  defp function_clause(_), do: FunctionClauseError.exception([])

  defp undef([{m, f, args, _} | _]) when is_list(args),
    do: UndefinedFunctionError.exception(module: m, function: f, arity: length(args))
  defp undef([{m, f, a, _} | _]), do: UndefinedFunctionError.exception(module: m, function: f, arity: a)
  defp undef(_), do: UndefinedFunctionError.exception([])

  def format_banner(kind, reason), do: format_banner(kind, reason, [])
  def format_banner(:error, reason, stack) do
    e = normalize(:error, reason, stack)
    "** (" <> inspect(e.__struct__) <> ") " <> message(e)
  end
  def format_banner(:throw, reason, _), do: "** (throw) " <> inspect(reason)
  def format_banner(:exit, reason, _), do: "** (exit) " <> format_exit(reason)
  def format_banner(kind, reason, _), do: "** (#{kind}) " <> inspect(reason)

  def format_exit(reason), do: inspect(reason)

  def format(kind, reason, stack) do
    format_banner(kind, reason, stack) <> "\n" <> format_stacktrace(stack)
  end

  def format_stacktrace(stack) do
    for entry <- stack, into: "", do: "    " <> format_stacktrace_entry(entry) <> "\n"
  end

  def format_stacktrace_entry({m, f, a, info}) do
    loc =
      case {Keyword.get(info, :file), Keyword.get(info, :line)} do
        {nil, _} -> ""
        {file, nil} -> "#{relative(file)}: "
        {file, line} -> "#{relative(file)}:#{line}: "
      end
    arity = if is_list(a), do: length(a), else: a
    # A script's top level, as elixir names it.
    if String.starts_with?(:erlang.atom_to_binary(m, :utf8), "elixir_script_") do
      loc <> "(file)"
    else
      loc <> format_mfa(m, f, arity)
    end
  end
  def format_stacktrace_entry(other), do: inspect(other)

  # `./x.exs` (a path `eubeam test` found) as Path.relative_to_cwd gives it.
  defp relative(file) do
    case to_string(file) do
      "./" <> rest -> rest
      path -> path
    end
  end

  # A module body's frame (a doctest's example) reads `Mod (module)`.
  def format_mfa(m, :__MODULE__, 0), do: inspect(m) <> " (module)"

  def format_mfa(m, f, a) do
    mod = inspect(m)
    name = :erlang.atom_to_binary(f, :utf8)

    # A fun's own name is `-outer/arity-fun-N-`, as Erlang names them.
    with "-" <> rest <- name,
         [outer | _] <- String.split(rest, "-fun-"),
         [_, _ | _] = parts <- String.split(outer, "/") do
      fname = parts |> Enum.drop(-1) |> Enum.join("/")
      "anonymous fn/#{a} in #{mod}.#{fun_name(fname)}/#{List.last(parts)}"
    else
      _ -> "#{mod}.#{fun_name(name)}/#{a}"
    end
  end

  # A function name as Elixir writes it in a remote call: quoted when it is
  # not an identifier.
  defp fun_name(name) do
    if Regex.match?(~r/^[a-z_][a-zA-Z0-9_]*[?!]?$/, name) do
      name
    else
      case inspect(:erlang.binary_to_atom(name, :utf8)) do
        ":" <> quoted -> quoted
        other -> other
      end
    end
  end
end
