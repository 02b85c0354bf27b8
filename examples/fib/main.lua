-- Naive doubly recursive Fibonacci: the sequential-speed workload.
local function fib(n)
  if n < 2 then return n end
  return fib(n - 1) + fib(n - 2)
end

for _, n in ipairs({0, 1, 2, 10, 20, 25}) do
  print(string.format("fib(%d) = %d", n, fib(n)))
end

-- Lua integers wrap at 64 bits, so fib(300) needs big numbers by hand:
-- little-endian arrays of base-10^7 limbs.
local BASE = 10000000
local function add(a, b)
  local r, carry = {}, 0
  for i = 1, math.max(#a, #b) do
    local s = (a[i] or 0) + (b[i] or 0) + carry
    r[i], carry = s % BASE, s // BASE
  end
  if carry > 0 then r[#r + 1] = carry end
  return r
end
local function tostr(a)
  local parts = {tostring(a[#a])}
  for i = #a - 1, 1, -1 do parts[#parts + 1] = string.format("%07d", a[i]) end
  return table.concat(parts)
end
local a, b = {0}, {1}
for _ = 1, 300 do a, b = b, add(a, b) end
print("fib(300) = " .. tostr(a))
