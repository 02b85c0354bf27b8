-- The module under test: spec files load it with require("calc")
-- (busted looks in ./src first).
local calc = {}

function calc.add(a, b) return a + b end

function calc.div(a, b)
  if b == 0 then error("division by zero") end
  return a / b
end

function calc.parse(s)
  local n = tonumber(s)
  if not n then error({ code = 22, input = s }) end
  return n
end

function calc.each(t, f)
  for i, v in ipairs(t) do f(i, v) end
end

return calc
