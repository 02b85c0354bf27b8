defmodule Kw do
  def run(opts) do
    name = Keyword.fetch!(opts, :name)
    {count, opts} = Keyword.pop(opts, :count, 1)
    "#{name} x#{count} rest=#{inspect(opts)}"
  end
end
IO.puts(Kw.run(name: "a"))
IO.puts(Kw.run(name: "b", count: 3, extra: true))
try do
  Kw.run(count: 1)
rescue
  e in KeyError -> IO.puts(Exception.message(e))
end
IO.inspect(Keyword.split([a: 1, b: 2, c: 3], [:a, :c]))
IO.inspect(Keyword.pop_first([a: 1, a: 2], :a))
IO.inspect(Keyword.replace([a: 1, b: 2], :a, 9))
IO.inspect(Keyword.filter([a: 1, b: 2], fn {_k, v} -> v > 1 end))
IO.inspect(Keyword.to_list(a: 1))
IO.inspect(Keyword.equal?([a: 1, b: 2], [b: 2, a: 1]))
if true, do: IO.puts("do: form"), else: IO.puts("never")
f = fn opts -> Keyword.get(opts, :x, 0) end
IO.inspect(f.(x: 5))
