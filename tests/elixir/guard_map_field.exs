# map.field in guards (map_get: a missing key or a non-map fails the guard).
defmodule G do
  def f(c) when c.x > 1, do: :big
  def f(c) when is_map(c) and c.x == 1, do: :one
  def f(_), do: :other
end
IO.inspect(Enum.map([%{x: 2}, %{x: 1}, %{y: 1}, 5], &G.f/1))
