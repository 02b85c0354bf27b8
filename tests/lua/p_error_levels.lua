local function lvl1() error("at 1", 1) end
local function lvl2() error("at 2", 2) end
local function call2() lvl2() end
print(pcall(lvl1))
print(pcall(call2))
print(pcall(error, "plain", 0))
local ok, e = pcall(function() error(setmetatable({}, {__tostring = function() return "E!" end})) end)
print(ok, tostring(e))
print(pcall(function() error(42) end))
print(pcall(function() error(nil) end))
local ok2, e2 = pcall(pcall)
print(ok2, e2)
