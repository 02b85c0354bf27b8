local acc = {}
for _, name in ipairs({"x", "y", "z"}) do
  acc[#acc + 1] = function(s) return name .. s end
end
for _, f in ipairs(acc) do io.write(f("!"), " ") end
print()
local i = 0
local fns = {}
repeat
  local j = i
  fns[#fns + 1] = function() j = j + 1; return j end
  i = i + 1
until i == 3
print(fns[1](), fns[1](), fns[2](), fns[3]())
