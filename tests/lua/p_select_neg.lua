print(select("#"))
print(pcall(select, 0, 1))
print(select(2, "a", "b", "c"))
print(select(-2, "a", "b", "c"))
print(pcall(select, -4, "a", "b", "c"))
local function f(...) local a, b = ... return a, b end
print(f(1), f(1, 2, 3))
print(table.unpack({}, 1, 3))
