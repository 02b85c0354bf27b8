defmodule Risky do
  def run(x) do
    try do
      10 / x
    rescue
      e in ArithmeticError ->
        IO.puts("logging: " <> Exception.message(e))
        reraise e, __STACKTRACE__
    end
  end

  def wrapped(x) do
    try do
      run(x)
    rescue
      e -> {:error, e.__struct__, Exception.message(e)}
    end
  end
end

IO.inspect(Risky.wrapped(2))
IO.inspect(Risky.wrapped(0))
result =
  try do
    raise KeyError, key: :k, term: %{}
  rescue
    e -> Exception.message(e)
  end
IO.puts(result)
IO.puts(Exception.message(%RuntimeError{message: "direct"}))
e = ArgumentError.exception("made")
IO.inspect(e)
IO.inspect(is_exception(e))
IO.inspect(Exception.format_banner(:error, e))
try do
  raise %RuntimeError{message: "struct raised"}
rescue
  err -> IO.inspect(err)
end
