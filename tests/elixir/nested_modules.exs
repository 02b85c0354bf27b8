defmodule Outer do
  @greeting "hi"

  defmodule Inner do
    def name, do: "inner"
    def full, do: "#{__MODULE__}"
  end

  defmodule Inner.Deep do
    def name, do: "deep"
  end

  alias Outer.Inner.Deep, as: D

  def call_inner, do: Inner.name()
  def call_deep, do: D.name()
  def greeting, do: @greeting
  def mod, do: __MODULE__
end

defmodule Other do
  alias Outer.Inner
  alias Outer.{Inner.Deep}
  def run, do: {Inner.name(), Deep.name()}
end

IO.puts(Outer.call_inner())
IO.puts(Outer.call_deep())
IO.puts(Outer.Inner.full())
IO.puts(Outer.greeting())
IO.inspect(Outer.mod())
IO.inspect(Outer.Inner)
IO.inspect(Other.run())
IO.inspect(Module.split(Outer.Inner.Deep))
IO.inspect(Module.concat(Outer, Inner))
IO.inspect(Module.concat([Foo, "Bar", :Baz]))
