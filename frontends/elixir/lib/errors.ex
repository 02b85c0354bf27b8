defmodule RuntimeError do
  defexception message: "runtime error"
end

defmodule ArgumentError do
  defexception message: "argument error"
end

defmodule ArithmeticError do
  defexception message: "bad argument in arithmetic expression"
end

defmodule SystemLimitError do
  defexception message: "a system limit has been reached"
end

defmodule MatchError do
  defexception [:term]
  def message(e), do: "no match of right hand side value: " <> inspect(e.term)
end

defmodule CaseClauseError do
  defexception [:term]
  def message(e), do: "no case clause matching: " <> inspect(e.term)
end

defmodule WithClauseError do
  defexception [:term]
  def message(e), do: "no with clause matching: " <> inspect(e.term)
end

defmodule TryClauseError do
  defexception [:term]
  def message(e), do: "no try clause matching: " <> inspect(e.term)
end

defmodule CondClauseError do
  defexception []
  def message(_), do: "no cond clause evaluated to a truthy value"
end

defmodule BadMapError do
  defexception [:term]
  def message(e), do: "expected a map, got: " <> inspect(e.term)
end

defmodule BadStructError do
  defexception [:struct, :term]
  def message(e), do: "expected a struct named #{inspect(e.struct)}, got: #{inspect(e.term)}"
end

defmodule BadBooleanError do
  defexception [:term, :operator]
  def message(e), do: "expected a boolean on left-side of \"#{e.operator}\", got: " <> inspect(e.term)
end

defmodule BadFunctionError do
  defexception [:term]
  def message(e), do: "expected a function, got: " <> inspect(e.term)
end

defmodule BadArityError do
  defexception [:function, :args]
  def message(e) do
    args = Enum.map_join(e.args, ", ", &inspect/1)
    n = length(e.args)
    {:arity, a} = :erlang.fun_info(e.function, :arity)
    "#{inspect(e.function)} with arity #{a} called with #{count(n)}#{args_text(n, args)}"
  end
  defp count(0), do: "no arguments"
  defp count(1), do: "1 argument"
  defp count(n), do: "#{n} arguments"
  defp args_text(0, _), do: ""
  defp args_text(_, args), do: " (" <> args <> ")"
end

defmodule FunctionClauseError do
  defexception [:module, :function, :arity, :kind, :args, :clauses]
  def message(%{module: nil}), do: "no function clause matches"
  def message(e) do
    name = :erlang.atom_to_binary(e.function, :utf8)
    if String.starts_with?(name, "-") do
      "no function clause matching in anonymous fn/#{e.arity}"
    else
      "no function clause matching in #{inspect(e.module)}.#{name}/#{e.arity}"
    end
  end
end

defmodule UndefinedFunctionError do
  defexception [:module, :function, :arity, :reason, :message]
  def message(%{message: m}) when is_binary(m), do: m
  def message(%{module: nil}), do: "undefined function"
  def message(e) do
    "function #{inspect(e.module)}.#{e.function}/#{e.arity} is undefined or private"
  end
end

defmodule KeyError do
  defexception [:key, :term, :message]
  def message(%{message: m}) when is_binary(m), do: m
  def message(%{key: k, term: nil}), do: "key #{inspect(k)} not found"
  def message(e), do: "key #{inspect(e.key)} not found in: #{inspect(e.term)}"
end

defmodule ErlangError do
  defexception [:original, :reason]
  def message(e), do: "Erlang error: " <> inspect(e.original)
end

defmodule Enum.EmptyError do
  defexception message: "empty error"
end

defmodule Enum.OutOfBoundsError do
  defexception message: "out of bounds error"
end

defmodule Protocol.UndefinedError do
  defexception [:protocol, :value, description: ""]
  def message(%{protocol: protocol, value: value, description: description}) do
    "protocol #{inspect(protocol)} not implemented for #{inspect(value)} of type " <>
      value_type(value) <> maybe_description(description)
  end

  defp value_type(%{__struct__: struct}), do: "#{inspect(struct)} (a struct)"
  defp value_type(value) when is_atom(value), do: "Atom"
  defp value_type(value) when is_bitstring(value), do: "BitString"
  defp value_type(value) when is_float(value), do: "Float"
  defp value_type(value) when is_function(value), do: "Function"
  defp value_type(value) when is_integer(value), do: "Integer"
  defp value_type(value) when is_list(value), do: "List"
  defp value_type(value) when is_map(value), do: "Map"
  defp value_type(value) when is_pid(value), do: "PID"
  defp value_type(value) when is_port(value), do: "Port"
  defp value_type(value) when is_reference(value), do: "Reference"
  defp value_type(value) when is_tuple(value), do: "Tuple"

  defp maybe_description(""), do: ""
  defp maybe_description(description), do: ", " <> description
end
