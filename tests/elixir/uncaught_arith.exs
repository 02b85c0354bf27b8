IO.puts("before")
x = 0
IO.puts(10 / x)
IO.puts("never")
