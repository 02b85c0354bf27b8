for i = 10, 1, -3 do io.write(i, " ") end print()
for i = 1, 0 do print("never") end
for i = 1.0, 2.0, 0.5 do io.write(i, " ") end print()
for i = 1, 3 do local i = i * 2; io.write(i, " ") end print()
local n = 0
while true do n = n + 1; if n > 5 then break end end
print(n)
local r = 0
repeat local k = r; r = r + 1 until k >= 3
print(r)
for i = 1, 3 do
  for j = 1, 3 do
    if j == 2 then goto continue end
    io.write(i, ",", j, " ")
    ::continue::
  end
end
print()
do
  local k = 0
  ::top::
  k = k + 1
  if k < 3 then goto top end
  print("k", k)
end
local function classify(x)
  if x < 0 then return "neg" elseif x == 0 then return "zero" elseif x < 10 then return "small" else return "big" end
end
print(classify(-1), classify(0), classify(5), classify(50))
local a, b, c = 1
print(a, b, c)
local x, y = 1, 2, 3
print(x, y)
local s = 0
for i = 1, 100 do if i % 2 == 0 then s = s + i else s = s - 1 end end
print(s)
local t = {}
for i = 1, 5 do
  if i == 3 then goto skip end
  t[#t + 1] = i
  ::skip::
end
print(table.concat(t, ","))
local v = nil
print(v and v.x or "default", false or nil, nil and 1, 1 and 2, false == false)
local count = 0
for _, w in ipairs({"a", "b", "c"}) do
  if w == "b" then break end
  count = count + 1
end
print(count)
local i = 1
while i < 100 do i = i * 2 end
print(i)
for i = math.maxinteger - 2, math.maxinteger do io.write(i, " ") end print()
for i = 3, 1 do print(i) end
