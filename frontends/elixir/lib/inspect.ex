defmodule Inspect do
  # The library's Inspect protocol entry point: user implementations
  # (`defimpl Inspect, for: S`) are found by Kernel.__prepare__; documents
  # are plain strings (iodata), see Inspect.Algebra.
  def inspect(term, opts), do: Kernel.inspect(term, Inspect.Opts.__to_list__(opts))
end

defmodule Inspect.Opts do
  defstruct base: :decimal, binaries: :infer, char_lists: :infer, charlists: :infer,
            custom_options: [], inspect_fun: nil, limit: 50, pretty: false,
            printable_limit: 4096, safe: true, structs: true, syntax_colors: [], width: 80

  def __to_list__(%{limit: l, charlists: c}), do: [limit: l, charlists: c]
  def __to_list__(opts) when is_list(opts), do: opts
end

defmodule Inspect.Algebra do
  # Documents are iodata here: no layout, the pieces are joined as they are.
  def empty, do: ""
  def string(s), do: s
  def concat(docs) when is_list(docs), do: :erlang.iolist_to_binary(docs)
  def concat(a, b), do: :erlang.iolist_to_binary([a, b])
  def to_doc(term, opts), do: Inspect.inspect(term, opts)
  def color(doc, _kind, _opts), do: doc
  def break(s \\ " "), do: s
  def glue(a, b), do: concat([a, " ", b])
  def glue(a, s, b), do: concat([a, s, b])
  def group(doc), do: doc
  def group(doc, _mode), do: doc
  def nest(doc, _level), do: doc
  def line, do: "\n"
  def format(doc, _width), do: doc
  def container_doc(left, items, right, opts, fun, _o \\ []) do
    concat([left, Enum.join(Enum.map(items, &fun.(&1, opts)), ", "), right])
  end
end
