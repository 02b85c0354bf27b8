defmodule Module do
  def split(mod) when is_atom(mod) do
    case Atom.to_string(mod) do
      "Elixir." <> rest -> String.split(rest, ".")
      _ -> raise ArgumentError, "expected an Elixir module, got: #{inspect(mod)}"
    end
  end

  def concat(a, b), do: concat([a, b])
  def concat(parts) when is_list(parts) do
    segs =
      for p <- parts, p != nil do
        s = if is_atom(p), do: Atom.to_string(p), else: p
        String.replace_prefix(s, "Elixir.", "")
      end
    :erlang.binary_to_atom("Elixir." <> Enum.join(segs, "."), :utf8)
  end
end
