kw = [name: "Ann", age: 30, city: "Oslo"]
IO.inspect(kw)
IO.inspect(Keyword.get(kw, :name))
IO.inspect(Keyword.get(kw, :missing, :default))
IO.inspect(Keyword.put(kw, :age, 31))
IO.inspect(Keyword.delete(kw, :city))
IO.inspect(Keyword.keys(kw))
IO.inspect(Keyword.values(kw))
IO.inspect(Keyword.has_key?(kw, :age))
IO.inspect(Keyword.merge(kw, [age: 40, zip: 123]))
IO.inspect(Keyword.fetch(kw, :name))
IO.inspect(Keyword.fetch(kw, :nope))
IO.inspect(Keyword.take(kw, [:name, :city]))
IO.inspect(Keyword.drop(kw, [:name]))
IO.inspect(Keyword.get_values([a: 1, b: 2, a: 3], :a))
IO.inspect(Keyword.update(kw, :age, 0, &(&1 + 1)))
IO.inspect(kw[:city])
IO.inspect([{:a, 1}, {:b, 2}])
IO.inspect([{:a, 1}, {"b", 2}])
IO.inspect(Keyword.keyword?([a: 1]))
IO.inspect(Keyword.new([{:x, 1}, {:y, 2}]))
defmodule Opts do
  def run(opts \\ []) do
    verbose = Keyword.get(opts, :verbose, false)
    level = Keyword.get(opts, :level, 1)
    {verbose, level}
  end
end
IO.inspect(Opts.run())
IO.inspect(Opts.run(verbose: true, level: 3))
