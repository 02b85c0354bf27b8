defmodule Range do
  def new(first, last) when first <= last, do: %Range{first: first, last: last, step: 1}
  def new(first, last), do: %Range{first: first, last: last, step: -1}
  def new(first, last, step), do: %Range{first: first, last: last, step: step}
  def size(r), do: length(Enum.to_list(r))
  def __struct__(), do: %{__struct__: Range, first: nil, last: nil, step: nil}
  def __struct__(kw), do: Kernel.__struct_fill__(__struct__(), kw)
  def __struct_fields__(), do: [:first, :last, :step]
end
