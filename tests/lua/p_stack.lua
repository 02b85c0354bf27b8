local Stack = {}
Stack.__index = Stack
function Stack.new() return setmetatable({n = 0}, Stack) end
function Stack:push(...) for _, v in ipairs({...}) do self.n = self.n + 1; self[self.n] = v end end
function Stack:pop() local v = self[self.n]; self[self.n] = nil; self.n = self.n - 1; return v end
local s = Stack.new()
s:push(1, 2, 3)
print(s:pop(), s:pop(), s.n)
local function rpn(expr)
  local st = Stack.new()
  for tok in expr:gmatch("%S+") do
    local n = tonumber(tok)
    if n then st:push(n) else
      local b, a = st:pop(), st:pop()
      if tok == "+" then st:push(a + b) elseif tok == "-" then st:push(a - b)
      elseif tok == "*" then st:push(a * b) else st:push(a / b) end
    end
  end
  return st:pop()
end
print(rpn("3 4 + 2 *"), rpn("10 4 -"), rpn("1 2 /"))
