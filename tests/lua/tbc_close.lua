-- to-be-closed variables (<close>): scopes, loops, break, goto, return, errors, generic for
local function mk(name, log)
  return setmetatable({}, {__close = function(_, e) log[#log+1] = name .. ":" .. tostring(e) end})
end
local log = {}
do
  local a <close> = mk("a", log)
  local b <close> = mk("b", log)
  log[#log+1] = "body"
end
print(table.concat(log, " "))
-- loops with break and threaded locals
log = {}
local n = 0
for i = 1, 5 do
  local c <close> = mk("c" .. i, log)
  n = n + i
  if i == 3 then break end
end
print(n, table.concat(log, " "))
-- return through tbc
local function f(x)
  local z <close> = mk("z", log)
  return x * 2, "r"
end
log = {}
print(f(21), table.concat(log, " "))
-- error
log = {}
print(pcall(function()
  local e <close> = mk("e", log)
  error("boom")
end), table.concat(log, " "))
-- non closable
print(pcall(function() local x <close> = {} end))
-- while with threaded counter and goto continue
log = {}
local i, acc = 0, 0
while i < 4 do
  i = i + 1
  local w <close> = mk("w" .. i, log)
  if i % 2 == 0 then goto continue end
  acc = acc + i
  ::continue::
end
print(i, acc, table.concat(log, " "))
-- generic for 4th value
log = {}
local function iter() return function(_, k) if k < 3 then return k + 1 end end, nil, 0, mk("for", log) end
for k in iter() do log[#log+1] = k end
print(table.concat(log, " "))
for k, v in pairs({10}) do print(k, v) end
-- goto out of scope
do
  local X
  goto L1
  ::L2:: goto L3
  ::L1:: do
    local a <close> = setmetatable({}, {__close = function () X = true end})
    assert(X == nil)
    if a then goto L2 end
  end
  ::L3:: assert(X == true)
  print("goto ok")
end
-- error in __close
print(pcall(function()
  local x <close> = setmetatable({}, {__close = function(_, m) error("@x " .. tostring(m), 0) end})
  local y <close> = setmetatable({}, {__close = function(_, m) error("@y", 0) end})
  return 1
end))
local ok, m = pcall(function()
    local xyz <close> = setmetatable({}, {__close = print})
    getmetatable(xyz).__close = nil
end)
print(ok, (m:gsub("^[^:]*:%d+: ", "")))
-- coroutine.close runs the pending __close handlers
local function c2(f) return setmetatable({}, {__close = f}) end
local co = coroutine.create(function()
  local a <close> = c2(function(_, e) print("closing a", e) end)
  local ok = pcall(function()
    local b <close> = c2(function(_, e) print("closing b", e) end)
    coroutine.yield(1)
    print("not reached")
  end)
  print("not reached either", ok)
end)
print(coroutine.resume(co))
print(coroutine.close(co), coroutine.status(co))
print(coroutine.close(co))
co = coroutine.create(function()
  local y <close> = c2(function(_, e) print("y got", e); error(200, 0) end)
  local x <close> = c2(function(_, e) print("x got", e); error(111, 0) end)
  coroutine.yield()
end)
coroutine.resume(co)
print(coroutine.close(co))
print(coroutine.close(co))
co = coroutine.create(error)
print(coroutine.resume(co, 100))
print(coroutine.close(co))
print(coroutine.close(co))
print(coroutine.isyieldable(coroutine.running()), coroutine.isyieldable(co))
print(pcall(coroutine.close, coroutine.running()))
-- calls in return are not tail calls inside a <close> scope
local X
local function inner() return X end
local function outer()
  local _ <close> = c2(function() X = "closed" end)
  X = "open"
  return inner()
end
print(outer(), X)
