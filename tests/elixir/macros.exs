defmodule MyMacros do
  defmacro double(x) do
    quote do
      unquote(x) * 2
    end
  end

  defmacro my_unless(cond, do: block) do
    quote do
      if unquote(cond), do: nil, else: unquote(block)
    end
  end

  defmacro make_fun(name, value) do
    quote do
      def unquote(name)(), do: unquote(value)
    end
  end

  defmacro swap({a, b}) do
    quote do: {unquote(b), unquote(a)}
  end

  defmacro sum_all(list) do
    quote do
      Enum.sum([unquote_splicing(list)])
    end
  end

  defmacro hygienic do
    quote do
      x = 42
      x
    end
  end

  defmacro set_var(value) do
    quote do
      var!(result) = unquote(value)
    end
  end

  defguard is_even(n) when is_integer(n) and rem(n, 2) == 0
end

defmodule Uses do
  require MyMacros
  import MyMacros

  MyMacros.make_fun(:answer, 42)
  make_fun(:greeting, "hello")

  def run do
    IO.puts(MyMacros.double(21))
    IO.puts(double(5 + 1))
    my_unless false do
      IO.puts("in unless")
    end
    IO.inspect(swap({1, 2}))
    IO.puts(sum_all([1, 2, 3]))
    x = 1
    y = hygienic()
    IO.inspect({x, y})
    set_var(7)
    IO.inspect(result)
    IO.puts(answer())
    IO.puts(greeting())
    IO.inspect(check(4))
    IO.inspect(check(5))
    IO.inspect(is_even(10))
  end

  def check(n) when is_even(n), do: :even
  def check(_), do: :odd
end

defmodule BaseMod do
  defmacro __using__(opts) do
    quote do
      import BaseMod
      def name, do: unquote(Keyword.get(opts, :name, "none"))
      def hello, do: "hello from #{name()}"
      defoverridable hello: 0
    end
  end

  def helper(x), do: x * 10
end

defmodule Child do
  use BaseMod, name: "child"
  def hello, do: "overridden " <> name()
  def calc, do: helper(4)
end

Uses.run()
IO.puts(Child.hello())
IO.puts(Child.name())
IO.puts(Child.calc())
IO.inspect(quote(do: foo(1, [a: 2])))
