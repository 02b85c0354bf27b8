# OptionParser: strict and switches modes, types (boolean, count, integer,
# float, string, keep), aliases, --no-x, --x=v, --, parse_head, parse! errors,
# split, to_argv.
IO.inspect(OptionParser.parse(["--debug", "--name", "joe", "file.txt"], strict: [debug: :boolean, name: :string]))
IO.inspect(OptionParser.parse(["--no-debug", "x", "--count", "3", "y"], strict: [debug: :boolean, count: :integer]))
IO.inspect(OptionParser.parse(["-d", "-n", "5"], strict: [debug: :boolean, num: :integer], aliases: [d: :debug, n: :num]))
IO.inspect(OptionParser.parse(["--ratio=0.5", "--ratio", "bad"], strict: [ratio: :float]))
IO.inspect(OptionParser.parse(["--unknown", "--v", "--v", "--v"], strict: [v: :count]))
IO.inspect(OptionParser.parse(["--tag", "a", "--tag", "b", "--n", "1", "--n", "2"], strict: [tag: :keep, n: :integer]))
IO.inspect(OptionParser.parse(["--tag", "1", "--tag", "2"], strict: [tag: [:integer, :keep]]))
IO.inspect(OptionParser.parse(["--source-path", "lib", "--", "--not-an-option"], switches: [source_path: :string]))
IO.inspect(OptionParser.parse(["--name"], strict: [name: :string]))
IO.inspect(OptionParser.parse(["--flag", "--other", "val"], switches: [flag: :boolean]))
IO.inspect(OptionParser.parse_head(["--verbose", "cmd", "--flag"], strict: [verbose: :boolean, flag: :boolean]))
IO.inspect(OptionParser.parse(["-x", "1"], strict: [y: :integer]))
IO.inspect(OptionParser.parse!(["--n", "3"], strict: [n: :integer]))
try do
  OptionParser.parse!(["--n", "x"], strict: [n: :integer])
rescue
  e -> IO.puts(Exception.message(e))
end
try do
  OptionParser.parse!(["--what"], strict: [n: :integer])
rescue
  e -> IO.puts(Exception.message(e))
end
IO.inspect(OptionParser.split("foo bar \"baz qux\" 'a b' c\\ d"))
IO.inspect(OptionParser.to_argv([foo_bar: "x", v: true, q: false, n: 3]))
