-- A plain test script that fails: any raised error is a failure.
print("before the failure")
local t = { 1, 2, 3 }
assert(#t == 4, "expected four elements, got " .. #t)
print("not reached")
