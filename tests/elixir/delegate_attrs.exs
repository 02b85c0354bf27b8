defmodule Helpers do
  def shout(s), do: String.upcase(s) <> "!"
  def add(a, b), do: a + b
end

defmodule Facade do
  @moduledoc """
  A facade module.
  """
  @version "1.2.3"
  @limits %{max: 10, min: 1}
  @colors [:red, :green]

  defdelegate shout(s), to: Helpers
  defdelegate plus(a, b), to: Helpers, as: :add

  @doc "The version."
  @spec version() :: String.t()
  def version, do: @version
  def limits, do: @limits
  def max, do: @limits.max
  def color?(c) when c in @colors, do: true
  def color?(_), do: false

  @version "2.0.0"
  def new_version, do: @version
end

IO.puts(Facade.shout("hey"))
IO.inspect(Facade.plus(2, 3))
IO.puts(Facade.version())
IO.puts(Facade.new_version())
IO.inspect(Facade.limits())
IO.inspect(Facade.max())
IO.inspect({Facade.color?(:red), Facade.color?(:blue)})
