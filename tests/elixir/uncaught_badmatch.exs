IO.puts("before")
{:ok, value} = {:error, :nope}
IO.puts(value)
