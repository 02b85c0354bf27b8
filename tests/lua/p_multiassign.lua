local a, b, c = 1, 2
print(a, b, c)
a, b = b, a
print(a, b)
local function three() return 1, 2, 3 end
local x, y, z, w = three()
print(x, y, z, w)
local p, q = three(), 10
print(p, q)
local t = {three(), three()}
print(#t)
local u = {three(), (three())}
print(#u)
local i = 1
local arr = {}
i, arr[i] = i + 1, 20
print(i, arr[1], arr[2])
