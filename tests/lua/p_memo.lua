local memo = {}
local function fib(n)
  if n <= 2 then return 1 end
  local v = memo[n]
  if v then return v end
  v = fib(n - 1) + fib(n - 2)
  memo[n] = v
  return v
end
for _, n in ipairs({10, 50, 90, 92}) do print(n, fib(n)) end
print(fib(93))  -- wraps around
