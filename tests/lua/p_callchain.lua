local function foo(...) return select("#", ...) end
for i = 1, 5 do foo = setmetatable({}, {__call = foo}) end
print(foo(), foo(1, 2))
print(pcall(setmetatable({}, {__call = 3})))
