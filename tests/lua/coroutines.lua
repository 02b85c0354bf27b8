local co = coroutine.create(function(a, b)
  print("start", a, b)
  local c = coroutine.yield(a + b)
  print("got", c)
  local d, e = coroutine.yield(c * 2)
  print("got2", d, e)
  return "fin", 99
end)
print(coroutine.status(co))
print(coroutine.resume(co, 1, 2))
print(coroutine.status(co))
print(coroutine.resume(co, 10))
print(coroutine.resume(co, "x", "y"))
print(coroutine.status(co))
print(coroutine.resume(co))
local gen = coroutine.wrap(function() for i = 1, 3 do coroutine.yield(i) end end)
print(gen(), gen(), gen())
local function producer()
  return coroutine.create(function()
    for _, v in ipairs({"a", "b", "c"}) do coroutine.yield(v) end
  end)
end
local p = producer()
while true do
  local ok, v = coroutine.resume(p)
  if not v then break end
  io.write(v, " ")
end
print()
local bad = coroutine.create(function() error("oops") end)
print(coroutine.resume(bad))
print(coroutine.status(bad))
print(coroutine.isyieldable(), select(2, coroutine.running()), type(coroutine.running()))
local inner = coroutine.create(function()
  print("yieldable", coroutine.isyieldable())
  local ok, e = pcall(function() coroutine.yield("from pcall") error("after") end)
  print("pcall in co", ok, e)
  return "end"
end)
print(coroutine.resume(inner))
print(coroutine.resume(inner))
local function fibgen(n)
  return coroutine.wrap(function()
    local a, b = 0, 1
    for _ = 1, n do coroutine.yield(a); a, b = b, a + b end
  end)
end
local t = {}
for v in fibgen(10) do t[#t + 1] = v end
print(table.concat(t, ","))
local nested = coroutine.wrap(function()
  local g = coroutine.wrap(function() coroutine.yield(1); coroutine.yield(2) end)
  coroutine.yield(g() + g())
end)
print(nested())
print(pcall(coroutine.yield, 1))
local co2 = coroutine.create(function() return 1 end)
coroutine.resume(co2)
print(coroutine.resume(co2))
print(coroutine.close(coroutine.create(print)))
