local t = {}
for i = 1, 10 do t[i] = i end
print(#t)
t[11] = 11
print(#t)
t[11] = nil; t[10] = nil
print(#t)
local s = {n = 1}
print(#s, #"", #{nil}, #{1, 2, 3, nil})
local mt = setmetatable({}, {__len = function() return 42 end})
print(#mt, rawlen(mt))
