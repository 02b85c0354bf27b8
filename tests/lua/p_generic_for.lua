local function range(n, step)
  step = step or 1
  return function(_, i) i = i + step; if i <= n then return i end end, nil, 0
end
for i in range(5) do io.write(i, " ") end
print()
for i in range(10, 3) do io.write(i, " ") end
print()
local function enum(t)
  local i = 0
  return function() i = i + 1; if t[i] then return i, t[i] end end
end
for i, v in enum({"a", "b"}) do print(i, v) end
for k, v in next, {10} do print(k, v) end
