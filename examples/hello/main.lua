-- Hello, world: the smallest program, printed three ways.
print("Hello, world!")
print(string.format("%s from %s", "Hello", "erlang"))
print("{hello,[1,2,3],<<\"world\">>}")
