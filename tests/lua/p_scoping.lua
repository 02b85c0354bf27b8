local x = 1
do local x = 2; print(x) end
print(x)
local function f() return x end
x = 5
print(f())
local y <const> = 10
print(y + 1)
for x = 1, 2 do io.write(x, " ") end
print(x)
local g = 0
if true then local g = 99 end
print(g)
local function shadow(x) x = x + 1 return x end
print(shadow(1), x)
