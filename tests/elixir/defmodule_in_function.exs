# defmodule inside a function body (as test files do): the module is
# nested in the enclosing one, the call returns {:module, Name, _, _}, and
# its short name is an alias in the function.
defmodule Outer do
  def make do
    result =
      defmodule Inner do
        def hi, do: :hi
      end

    {elem(result, 0), elem(result, 1), Inner.hi()}
  end

  def other do
    if true do
      defmodule Deep.Helper do
        def twice(x), do: 2 * x
      end
    end

    Outer.Deep.Helper.twice(21)
  end
end

IO.inspect(Outer.make())
IO.inspect(Outer.Inner.hi())
IO.inspect(Outer.other())
IO.inspect(Outer.Deep.Helper.twice(2))
