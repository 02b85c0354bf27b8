local V = {}
V.__index = V
function V.new(x, y) return setmetatable({x = x, y = y}, V) end
function V.__add(a, b) return V.new(a.x + b.x, a.y + b.y) end
function V.__eq(a, b) return a.x == b.x and a.y == b.y end
function V.__lt(a, b) return a.x < b.x end
function V.__le(a, b) return a.x <= b.x end
function V.__tostring(v) return "(" .. v.x .. "," .. v.y .. ")" end
function V.__len(v) return 2 end
function V.__call(v, k) return v.x * k end
function V.__concat(a, b) return tostring(a) .. "|" .. tostring(b) end
function V.__unm(v) return V.new(-v.x, -v.y) end
function V:len2() return self.x * self.x + self.y * self.y end
local a, b = V.new(1, 2), V.new(3, 4)
print(tostring(a + b), a == V.new(1, 2), a ~= b, a < b, a <= b, b > a)
print(#a, a(10), a .. b, tostring(-a), a:len2())
print(a)
local log = {}
local proxy = setmetatable({}, {__newindex = function(t, k, v) log[#log+1] = k; rawset(t, k, v) end})
proxy.x = 1; proxy.y = 2; proxy.x = 3
print(table.concat(log, ","), proxy.x)
local defaults = setmetatable({}, {__index = {color = "red"}})
print(defaults.color, defaults.size)
local Animal = {}
Animal.__index = Animal
function Animal.new(name) local o = setmetatable({}, Animal); o.name = name; return o end
function Animal:speak() return self.name .. " makes a sound" end
local Dog = setmetatable({}, {__index = Animal})
Dog.__index = Dog
function Dog.new(name) local o = Animal.new(name); return setmetatable(o, Dog) end
function Dog:speak() return self.name .. " barks" end
print(Animal.new("cat"):speak(), Dog.new("rex"):speak())
print(getmetatable("abc").__index == string, getmetatable(a) == V)
local prot = setmetatable({}, {__metatable = "locked"})
print(getmetatable(prot), pcall(setmetatable, prot, {}))
local arith = setmetatable({}, {__mul = function(a, b) return "mul" end, __div = function() return "div" end, __mod = function() return "mod" end, __idiv = function() return "idiv" end, __pow = function() return "pow" end, __band = function() return "band" end, __shl = function() return "shl" end})
print(arith * 2, 2 / arith, arith % 1, arith // 1, arith ^ 2, arith & 1, arith << 1)
local cnt = setmetatable({}, {__index = function(t, k) local v = k * 2; rawset(t, k, v); return v end})
print(cnt[5], rawget(cnt, 5), rawget(cnt, 6))
