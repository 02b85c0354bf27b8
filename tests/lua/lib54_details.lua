-- Lua 5.4 library details: load with a reader, table.remove bounds, 'for'
-- limits beyond the integers, math.max/min/random/randomseed, gmatch's
-- init, gsub keeping the subject, capture index errors, length checks
-- messages without position, traceback and function name (which differ
-- under pcall)
local function strip(m)
  m = tostring(m):match("^[^\n]*"):gsub("^[^:]*:%d+: ", "")
  return (m:gsub("to '[^']*'", "to '?'"))
end
local function pc(...) local ok, m = pcall(...) return ok, strip(m) end
local function read1(x) local i = 0 return function() i = i + 1 return x:sub(i, i) end end
print(load(read1("return 1 + 2"))())
print(load(read1("return ..."), "=chunk")(7, 8))
print(type(load(function() return nil end)))
print(strip(select(2, load(function() return {} end))))
print(strip(select(2, load(function() error("in reader") end))))
print(load("return 1", "x", "b"))
print(load(read1("syntax error here")))
local t = {}
print(table.remove(t), #t, table.remove(t, #t), table.remove(t, 1))
t = {1, 2, 3}
print(table.remove(t, 4), table.remove(t, 1), table.concat(t, ","))
print(pc(table.remove, {1, 2}, 5))
local n = 0
for i = math.mininteger, -10e100 do n = n + 1 end
for i = math.maxinteger, 10e100, -1 do n = n + 1 end
for i = 1, math.huge do if i > 3 then break end n = n + 1 end
print(n)
print(pc(math.max), pc(math.min))
print(math.type(math.random(0)), select("#", math.randomseed(5)), math.randomseed(7, 8))
math.randomseed(42)
local a = math.random(0)
math.randomseed(42)
print(a == math.random(0), pc(math.random, 3, 1))
local words = {}
for w in string.gmatch("one two three", "%a+", 5) do words[#words + 1] = w end
print(table.concat(words, "|"))
local c = 0
for _ in string.gmatch("11 21 31", "%w*", 9) do c = c + 1 end
for _ in string.gmatch("11 21 31", "%w*", 10) do c = c + 10 end
print(c)
local s = string.rep("a", 100)
print(string.format("%p", s) == string.format("%p", (string.gsub(s, "b", "c"))),
      string.format("%p", s) == string.format("%p", (string.gsub(s, ".", {x = "y"}))),
      string.format("%p", s) ~= string.format("%p", (string.gsub(s, "a", "b"))))
print(pcall(string.gsub, "alo", "(%0)", "a"))
print(pcall(string.gsub, "alo", "(%1)", "a"))
print(pcall(string.gsub, "alo", ".", "%2"))
local len = setmetatable({}, {__len = function() return "abc" end})
print(strip(select(2, pcall(table.insert, len, 1))))
print(pc(table.sort, setmetatable({}, {__len = function() return math.maxinteger end})))
print(package.loaded.package == package, package.loaded.string == string)
