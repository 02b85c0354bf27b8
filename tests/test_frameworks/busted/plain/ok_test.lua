-- A plain test script: it passes when it runs to the end.
local function fib(n) if n < 2 then return n end return fib(n - 1) + fib(n - 2) end
assert(fib(10) == 55)
assert(select("#", assert(1, 2, 3)) == 3)
print("fib(10) =", fib(10))
