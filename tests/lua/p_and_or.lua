print(nil or "default", false or nil, 0 or "x", "" or "y")
print(nil and 1, false and 1, 1 and 2, 1 and nil)
print(not nil, not 0, not "", not not nil)
local function check(v) return v and "truthy" or "falsy" end
print(check(0), check(""), check(false), check(nil), check({}))
local x = 5
print(x > 3 and x < 10, x > 3 and "mid" or "low")
print(1 == 1.0, "1" == 1, 0.3 == 0.1 + 0.2, math.huge == math.huge)
