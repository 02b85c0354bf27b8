local function counter()
  local n = 0
  return function() n = n + 1; return n end, function() return n end
end
local inc, get = counter()
inc(); inc(); inc()
print(get())
local fs = {}
for i = 1, 3 do fs[i] = function() return i end end
print(fs[1](), fs[2](), fs[3]())
local gs = {}
local j = 1
while j <= 3 do local k = j; gs[j] = function() return k * 10 end; j = j + 1 end
print(gs[1](), gs[2](), gs[3]())
local function adder(x) return function(y) return x + y end end
print(adder(3)(4), adder("1")(2))
local shared
do local v = 0; shared = {function() v = v + 1 end, function() return v end} end
shared[1](); shared[1]()
print(shared[2]())
