# Hello, world: the smallest program, printed three ways.
IO.puts("Hello, world!")
IO.puts("Hello from #{:erlang}")
:io.format("~p~n", [{:hello, [1, 2, 3], "world"}])
