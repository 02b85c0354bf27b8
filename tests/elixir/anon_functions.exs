add = fn a, b -> a + b end
IO.puts(add.(1, 2))
sq = &(&1 * &1)
IO.puts(sq.(7))
classify = fn
  0 -> :zero
  n when n < 0 -> :negative
  _ -> :positive
end
IO.inspect(Enum.map([-2, 0, 3], classify))
make_counter = fn start -> fn inc -> start + inc end end
c = make_counter.(10)
IO.puts(c.(5))
up = &String.upcase/1
IO.puts(up.("shout"))
len = &length/1
IO.puts(len.([1, 2, 3]))
IO.inspect(Enum.map([1, 2, 3], &(&1 + 1)))
IO.inspect(Enum.map([{1, 2}, {3, 4}], fn {a, b} -> a * b end))
compose = fn f, g -> fn x -> g.(f.(x)) end end
h = compose.(&(&1 + 1), &(&1 * 10))
IO.puts(h.(4))
IO.inspect(is_function(add))
IO.inspect(is_function(add, 2))
fact = fn
  f, 0 -> 1
  f, n -> n * f.(f, n - 1)
end
IO.puts(fact.(fact, 10))
tuple_fun = &{&1, &2}
IO.inspect(tuple_fun.(:a, :b))
list_fun = &[&1 | &2]
IO.inspect(list_fun.(1, [2]))
x = 5
capture_x = fn -> x * 2 end
x = 100
IO.puts(capture_x.())
IO.puts(x)
IO.inspect(Enum.reduce([1, 2, 3], fn x, acc -> x * acc end))
apply_twice = fn f, v -> f.(f.(v)) end
IO.puts(apply_twice.(&(&1 <> "!"), "hi"))
IO.inspect(apply(Enum, :reverse, [[1, 2, 3]]))
IO.inspect(Function.identity(3))
