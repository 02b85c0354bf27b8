defmodule Commands do
  defmacro __using__(_opts) do
    quote do
      import Commands, only: [command: 2]
      def run(name, arg), do: apply(__MODULE__, :"cmd_#{name}", [arg])
    end
  end

  defmacro command(name, do: body) do
    fname = :"cmd_#{name}"
    quote do
      def unquote(fname)(var!(arg)), do: unquote(body)
    end
  end
end

defmodule Shell do
  use Commands

  command :echo do
    arg
  end

  command :shout do
    String.upcase(arg) <> "!"
  end

  command :twice do
    arg <> arg
  end
end

IO.puts(Shell.run(:echo, "hi"))
IO.puts(Shell.run(:shout, "hey"))
IO.puts(Shell.run(:twice, "ab"))
IO.inspect(function_exported?(Shell, :cmd_echo, 1))

defmodule Assert do
  defmacro check(expr) do
    code = Macro.to_string(expr)
    quote do
      if unquote(expr), do: "ok: " <> unquote(code), else: "FAILED: " <> unquote(code)
    end
  end

  defmacro times(n, do: block) do
    quote do
      Enum.each(1..unquote(n), fn _ -> unquote(block) end)
    end
  end

  defmacro my_if(c, clauses) do
    do_c = Keyword.get(clauses, :do)
    else_c = Keyword.get(clauses, :else)
    quote do
      case unquote(c) do
        x when x in [false, nil] -> unquote(else_c)
        _ -> unquote(do_c)
      end
    end
  end
end

defmodule UseAssert do
  require Assert
  def run do
    IO.puts(Assert.check(1 + 1 == 2))
    IO.puts(Assert.check(2 * 2 == 5))
    Assert.times(3, do: IO.puts("tick"))
    IO.puts(Assert.my_if(nil, do: "yes", else: "no"))
    IO.puts(Assert.my_if(:x, do: "yes", else: "no"))
  end
end

UseAssert.run()
