local n, steps = 27, 0
while n ~= 1 do
  if n % 2 == 0 then n = n // 2 else n = 3 * n + 1 end
  steps = steps + 1
end
print("collatz 27", steps)
local x = 0
repeat local y = x * 2; x = x + 1 until y >= 10
print(x)
for i = 10, 1, -3 do io.write(i, " ") end
print()
for i = 1, 2, 0.5 do io.write(i, " ") end
print()
for i = 1, 0 do print("never") end
for i = math.maxinteger - 2, math.maxinteger do io.write(i, " ") end
print()
local t = 0
for i = 1, 100 do if i > 10 then break end t = t + i end
print(t)
