text = """
Line one
  indented "quotes"
Tab:\there
"""
IO.write(text)
IO.puts("escapes: \\ \" \n next")
IO.puts("unicode: \u00e9 \u{1F600}")
IO.inspect("tab\there")
IO.inspect("new\nline")
IO.inspect('charlist')
IO.inspect(~c"sigil charlist")
IO.inspect(~s(sigil "string"))
IO.inspect(~w(a b c))
IO.inspect(~w(a b c)a)
IO.inspect(~S(no #{interp} \n here))
name = "World"
IO.puts("Hello, #{name}! #{1 + 2} #{:atom} #{[1, 2] |> length()}")
IO.puts("nested: #{"inner #{name}"}")
IO.inspect(:"quoted atom")
IO.inspect(:ok)
IO.inspect(:"Elixir.Foo")
IO.inspect(:"with-dash")
IO.inspect("\e[0m")
IO.inspect(<<0, 1, 2>>)
IO.inspect("é")
IO.inspect(<<233>>)
s = ~s"""
sigil heredoc #{name}
"""
IO.write(s)
IO.inspect(?\n)
IO.inspect('hello' ++ ' world')
IO.inspect([104, 105])
IO.inspect([1, 2, 300])
