name = "world"
IO.puts("hello #{name}!")
IO.puts("sum: #{1 + 2}, list: #{inspect([1, 2])}")
s = """
  indented
    more
  done
"""
IO.write(s)
IO.puts(~s(sigil "s" #{name}))
IO.inspect(~w(a b c))
IO.inspect(~w(a b c)a)
IO.inspect(~c(chars))
IO.inspect('charlist')
IO.inspect(String.length("héllo"))
IO.inspect(String.upcase("hello"))
IO.inspect(String.split("a,b,c", ","))
IO.inspect(String.split("  a b  c "))
IO.inspect(String.trim("  x  "))
IO.inspect(String.contains?("hello", "ell"))
IO.inspect(String.starts_with?("hello", "he"))
IO.inspect(String.replace("a-b-c", "-", "+"))
IO.inspect(String.pad_leading("7", 3, "0"))
IO.inspect(String.reverse("abc"))
IO.inspect(String.to_integer("42") + 1)
IO.inspect(String.slice("hello", 1, 3))
IO.inspect(String.duplicate("ab", 3))
IO.inspect("abc" |> String.graphemes())
IO.inspect(to_string(:atom) <> to_string(12))
IO.inspect(?a)
IO.inspect("tab\there")
IO.inspect(String.capitalize("hELLO"))
IO.inspect(byte_size("héllo"))
