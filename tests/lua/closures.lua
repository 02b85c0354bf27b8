local function counter()
  local n = 0
  return function() n = n + 1; return n end
end
local c1, c2 = counter(), counter()
print(c1(), c1(), c1(), c2())
local fns = {}
for i = 1, 3 do fns[i] = function() return i end end
print(fns[1](), fns[2](), fns[3]())
local x = 10
local function getx() return x end
x = 20
print(getx())
local function mk()
  local a, b = 1, 2
  local function swap() a, b = b, a end
  local function get() return a, b end
  return swap, get
end
local sw, gt = mk()
print(gt()); sw(); print(gt())
local acc = {}
local i = 1
while i <= 3 do
  local j = i
  acc[i] = function() return j * 10 end
  i = i + 1
end
print(acc[1](), acc[2](), acc[3]())
local function fact(n) if n <= 1 then return 1 end return n * fact(n - 1) end
print(fact(10), fact(20))
local function apply(f, ...) return f(...) end
print(apply(math.max, 3, 9, 2))
print((function(...) return select("#", ...) end)(1, nil, nil))
local function va(...)
  local a, b = ...
  local t = {...}
  return a, b, #t, ...
end
print(va(1, 2, 3))
print(va())
local function tail(n) if n == 0 then return "done" end return tail(n - 1) end
print(tail(100000))
local function multi() return 1, 2, 3 end
local t = {multi(), multi()}
print(#t, (multi()))
print(multi(), "end")
local up = 0
local function inc() up = up + 1 end
for _ = 1, 5 do inc() end
print(up)
