local function count(...) return select("#", ...) end
print(count(), count(nil), count(1, nil, 3), count(nil, nil))
local function pass(...) return ... end
print(pass(1, 2, 3))
print((pass(1, 2, 3)))
local function last(...) local n = select("#", ...) return (select(n, ...)) end
print(last(4, 5, 6))
print(select(-1, "a", "b", "c"), select(2, "a", "b", "c"))
local t = table.pack(1, nil, 3)
print(t.n, t[1], t[2], t[3])
print(table.unpack({1, 2, 3}, 2))
print(table.unpack({1, 2, 3}, 2, 5))
local function sum(...)
  local s = 0
  for i, v in ipairs({...}) do s = s + v end
  return s
end
print(sum(1, 2, 3, 4.5))
