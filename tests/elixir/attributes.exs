defmodule Config do
  @moduledoc "config"
  @default_timeout 5000
  @names [:a, :b]

  @doc "the timeout"
  def timeout, do: @default_timeout
  def names, do: @names
  def mod, do: __MODULE__
end
IO.inspect(Config.timeout())
IO.inspect(Config.names())
IO.inspect(Config.mod())
IO.inspect(__MODULE__)
