local t = {1, 2, nil, 4}
local n = 0
for i, v in ipairs(t) do n = n + 1 end
print(n)
local mt = setmetatable({}, {__index = function(t, i) if i <= 3 then return i * 10 end end})
for i, v in ipairs(mt) do io.write(i, "=", v, " ") end
print()
local p = setmetatable({}, {__pairs = function(t) return function(_, k) if not k then return 1, "one" end end, t, nil end})
for k, v in pairs(p) do print(k, v) end
local cnt = 0
local big = {}
for i = 1, 100 do big[i] = i; big["k" .. i] = i end
for k, v in pairs(big) do cnt = cnt + v end
print(cnt)
local t2 = {a = 1, b = 2, c = 3}
for k in pairs(t2) do t2[k] = nil end
print(next(t2))
