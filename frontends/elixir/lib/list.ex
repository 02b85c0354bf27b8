defmodule List do
  def first([]), do: nil
  def first([h | _]), do: h
  def last([]), do: nil
  def last(l), do: :lists.last(l)
  def flatten(l), do: :lists.flatten(l)
  def delete(l, x), do: :lists.delete(x, l)
  def duplicate(x, n), do: :lists.duplicate(n, x)
  def wrap(nil), do: []
  def wrap(l) when is_list(l), do: l
  def wrap(x), do: [x]
  def insert_at(l, i, x) when i < 0 do
    n = length(l) + i + 1
    if n < 0, do: [x | l], else: insert_at(l, n, x)
  end
  def insert_at(l, i, x) do
    {a, b} = Enum.split(l, i)
    a ++ [x | b]
  end
  defp index(l, i) when i < 0, do: length(l) + i
  defp index(_l, i), do: i
  def delete_at(l, i), do: update_at_index(l, index(l, i), fn _ -> [] end)
  def replace_at(l, i, x), do: update_at_index(l, index(l, i), fn _ -> [x] end)
  def update_at(l, i, fun), do: update_at_index(l, index(l, i), fn h -> [fun.(h)] end)
  defp update_at_index(l, i, _f) when i < 0, do: l
  defp update_at_index(l, i, f) do
    {a, b} = Enum.split(l, i)
    case b do
      [h | t] -> a ++ f.(h) ++ t
      [] -> a
    end
  end
  def starts_with?(l, prefix), do: :lists.prefix(prefix, l)
  def keysort(l, pos), do: :lists.keysort(pos + 1, l)
  def keystore(l, key, pos, tuple), do: :lists.keystore(key, pos + 1, l, tuple)
  def keymember?(l, key, pos), do: :lists.keymember(key, pos + 1, l)
  def keyreplace(l, key, pos, tuple), do: :lists.keyreplace(key, pos + 1, l, tuple)
  def zip(lists), do: zip_lists(lists)
  defp zip_lists(lists) do
    if Enum.any?(lists, fn l -> l == [] end) do
      []
    else
      [:erlang.list_to_tuple(Enum.map(lists, &hd/1)) | zip_lists(Enum.map(lists, &tl/1))]
    end
  end
  def foldl(l, acc, fun), do: :lists.foldl(fun, acc, l)
  def foldr(l, acc, fun), do: :lists.foldr(fun, acc, l)
  def keyfind(l, key, pos, default \\ nil) do
    case :lists.keyfind(key, pos + 1, l) do
      false -> default
      t -> t
    end
  end
  def keydelete(l, key, pos), do: :lists.keydelete(key, pos + 1, l)
  def to_tuple(l), do: :erlang.list_to_tuple(l)
  def to_string(l) when is_list(l), do: chars(l, "")
  def to_charlist(l), do: l
  def to_integer(l), do: :erlang.list_to_integer(l)
  def to_atom(l), do: :erlang.list_to_atom(l)
  def ascii_printable?(l), do: Enum.all?(l, fn c -> is_integer(c) and c >= 32 and c <= 126 end)
  defp chars([h | t], acc) when is_integer(h), do: chars(t, <<acc::binary, h::utf8>>)
  defp chars([h | t], acc) when is_binary(h), do: chars(t, <<acc::binary, h::binary>>)
  defp chars([h | t], acc) when is_list(h), do: chars(t, chars(h, acc))
  defp chars([], acc), do: acc
  defp chars(b, acc) when is_binary(b), do: <<acc::binary, b::binary>>
end
