defmodule User do
  defstruct name: "anon", age: 0, tags: []

  def new(name, age), do: %__MODULE__{name: name, age: age}
  def birthday(%User{age: a} = u), do: %{u | age: a + 1}
  def adult?(%User{age: a}), do: a >= 18
end

defmodule Wrapper do
  defstruct [:value, count: 1]
end

defmodule Main do
  def run do

    u = User.new("Zed", 17)
    IO.inspect(u)
    u2 = User.birthday(u)
    IO.inspect(u2)
    IO.inspect(User.adult?(u2))
    IO.inspect(%User{})
    IO.inspect(%Wrapper{})
    IO.inspect(%Wrapper{value: [1, 2]})
    IO.inspect(u.name)
    IO.inspect(Map.keys(u))
    IO.inspect(is_struct(u))
    IO.inspect(is_struct(u, User))
    IO.inspect(is_map(u))
    IO.inspect(Map.from_struct(u))
    IO.inspect(struct(User, name: "S"))
    IO.inspect(u.__struct__)
    %User{name: n} = u
    IO.puts(n)
    IO.inspect(match?(%User{}, u))
    IO.inspect(match?(%Wrapper{}, u))
    users = [User.new("a", 30), User.new("b", 10), User.new("c", 20)]
    IO.inspect(Enum.sort_by(users, & &1.age) |> Enum.map(& &1.name))
    IO.inspect(Enum.max_by(users, & &1.age))
  end
end

Main.run()
