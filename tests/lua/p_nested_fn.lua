local function outer()
  local count = 0
  local function helper(n)
    count = count + n
    if n > 0 then return helper(n - 1) end
    return count
  end
  return helper(4)
end
print(outer(), outer())
local M = {}
function M.a() return "a" end
function M.b.c() end
