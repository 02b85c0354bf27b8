print(1 .. "", 1.0 .. "", -0.0 .. "", 2^63 .. "", 10 // 2 .. "")
local parts = {}
for i = 1, 10 do parts[#parts + 1] = i % 3 == 0 and "fizz" or tostring(i) end
print(table.concat(parts, " "))
print(pcall(function() return "a" .. {} end))
print(pcall(function() return "a" .. nil end))
print(pcall(table.concat, {1, {}, 3}))
