print(load("return 1 + 1")())
local f, err = load("x = ")
print(f, err)
print(load("return ...", "=mine")(4, 5))
local env = {y = 7}
print(load("return y", "chunk", "t", env)())
print(pcall(load("error('e')", "@file.lua")))
print(pcall(load("error('e')")))
g = 10
print(load("g = g + 1; return g")())
print(select(2, load(string.rep("x", 80) .. " = ")))
print(select(2, load("local a = 1\nx = ")))
