defmodule Macro do
  # Quoted-code helpers: escape, var, to_string (common forms: literals,
  # variables, operators, calls, remote calls, lists, tuples, blocks).
  @binary_ops [:+, :-, :*, :/, :==, :!=, :===, :!==, :<, :>, :<=, :>=, :&&, :||, :and, :or,
               :++, :--, :<>, :=, :|>, :in, :.., :"::", :when, :<-, :\\, :=~, :|, :->]

  def escape(x) when is_list(x), do: Enum.map(x, &escape/1)
  def escape({a, b}), do: {escape(a), escape(b)}
  def escape(t) when is_tuple(t), do: {:{}, [], Enum.map(Tuple.to_list(t), &escape/1)}
  def escape(%{} = m), do: {:%{}, [], Enum.map(Map.to_list(m), &escape/1)}
  def escape(x), do: x

  def var(name, context), do: {name, [], context}

  def to_string(ast), do: str(ast)

  defp str({:__block__, _, exprs}), do: Enum.map_join(exprs, "\n", &str/1)
  defp str({var, _, ctx}) when is_atom(var) and is_atom(ctx), do: Atom.to_string(var)
  defp str({:__aliases__, _, segs}), do: Enum.map_join(segs, ".", &Atom.to_string/1)
  defp str({:{}, _, items}), do: "{" <> Enum.map_join(items, ", ", &str/1) <> "}"
  defp str({:%{}, _, pairs}), do: "%{" <> Enum.map_join(pairs, ", ", fn {k, v} -> str(k) <> " => " <> str(v) end) <> "}"
  defp str({op, _, [a, b]}) when op in @binary_ops, do: str(a) <> " #{op} " <> str(b)
  defp str({:-, _, [a]}), do: "-" <> str(a)
  defp str({:!, _, [a]}), do: "!" <> str(a)
  defp str({:not, _, [a]}), do: "not " <> str(a)
  defp str({:^, _, [a]}), do: "^" <> str(a)
  defp str({:&, _, [a]}), do: "&" <> str(a)
  defp str({{:., _, [mod, fun]}, meta, args}) when is_atom(fun) do
    target = if is_atom(mod), do: inspect(mod), else: str(mod)
    if meta[:no_parens] && args == [],
      do: target <> "." <> Atom.to_string(fun),
      else: target <> "." <> Atom.to_string(fun) <> "(" <> Enum.map_join(args, ", ", &str/1) <> ")"
  end
  defp str({{:., _, [f]}, _, args}), do: str(f) <> ".(" <> Enum.map_join(args, ", ", &str/1) <> ")"
  defp str({name, _, args}) when is_atom(name) and is_list(args),
    do: Atom.to_string(name) <> "(" <> Enum.map_join(args, ", ", &str/1) <> ")"
  defp str({a, b}), do: "{" <> str(a) <> ", " <> str(b) <> "}"
  defp str(list) when is_list(list) do
    if list != [] and Enum.all?(list, &match?({k, _} when is_atom(k), &1)) do
      "[" <> Enum.map_join(list, ", ", fn {k, v} -> "#{k}: " <> str(v) end) <> "]"
    else
      "[" <> Enum.map_join(list, ", ", &str/1) <> "]"
    end
  end
  defp str(other), do: inspect(other)
end
