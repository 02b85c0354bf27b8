defmodule Bitwise do
  # `import Bitwise`: the functions; the operators (&&& ||| ^^^ <<< >>> ~~~)
  # are lowered to the erlang BIFs directly by the frontend.
  def band(a, b), do: :erlang.band(a, b)
  def bor(a, b), do: :erlang.bor(a, b)
  def bxor(a, b), do: :erlang.bxor(a, b)
  def bnot(a), do: :erlang.bnot(a)
  def bsl(a, b), do: :erlang.bsl(a, b)
  def bsr(a, b), do: :erlang.bsr(a, b)
end
