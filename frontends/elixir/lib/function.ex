defmodule Function do
  def identity(x), do: x
  def info(f), do: :erlang.fun_info(f)
  def info(f, item), do: :erlang.fun_info(f, item)
end
