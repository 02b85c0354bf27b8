-- The part of Lua's standard library written in Lua: what has to call Lua
-- functions (comparators, replacement functions, metamethods). The natives
-- (runtime/src/lua) handle the common cases and come here otherwise.
-- Run once per Lua state with the registry table as its argument.
local R = ...
local type, error, tostring_native, getmetatable = type, error, tostring, getmetatable
local rawget, select, string, table = rawget, select, string, table
local match_at = R.match_at

local function tostring(v)
  local mt = getmetatable(v)
  local h = type(mt) == "table" and rawget(mt, "__tostring")
  if h then
    local s = h(v)
    if type(s) ~= "string" then
      if type(s) == "number" then return tostring_native(s) end
      error("'__tostring' must return a string")
    end
    return s
  end
  return tostring_native(v)
end
R.tostring = tostring

function R.print(...)
  local n = select("#", ...)
  local parts = {}
  for i = 1, n do
    parts[i] = tostring((select(i, ...)))
  end
  io.write(table.concat(parts, "\t", 1, n), "\n")
end

function R.format(fmt, ...)
  local args = table.pack(...)
  for i = 1, args.n do
    local a = args[i]
    if type(a) == "table" then args[i] = tostring(a) end
  end
  return string.format(fmt, table.unpack(args, 1, args.n))
end

function R.gmatch(s, p, init)
  s = tostring_native(s)
  local len = #s
  -- lstrlib: init relative to the end when negative, at most len + 1
  init = init or 1
  if init < 0 then init = len + init + 1; if init < 1 then init = 1 end
  elseif init == 0 then init = 1 end
  if init > len + 1 then init = len + 2 end
  local pos, last = init - 1, -1
  return function()
    while pos <= len do
      local r = table.pack(match_at(s, p, pos))
      if r[1] ~= nil and r[1] ~= last then
        local e = r[1]
        pos, last = e, e
        return table.unpack(r, 2, r.n)
      end
      pos = pos + 1
    end
    return nil
  end
end

function R.gsub(s, p, repl, max)
  s = tostring_native(s)
  local anchor = string.sub(p, 1, 1) == "^"
  if anchor then p = string.sub(p, 2) end
  local tr = type(repl)
  max = max or (#s + 1)
  local out, n, pos, last = {}, 0, 0, nil
  local len = #s
  local changed = false
  while n < max do
    local r = table.pack(match_at(s, p, pos))
    local e = r[1]
    if e ~= nil and e ~= last then
      n = n + 1
      local whole = string.sub(s, pos + 1, e)
      local val
      if tr == "table" then
        val = repl[r[2]]
      else
        val = repl(table.unpack(r, 2, r.n))
      end
      if val == nil or val == false then
        val = whole
      elseif type(val) ~= "string" and type(val) ~= "number" then
        error("invalid replacement value (a " .. type(val) .. ")")
      else
        changed = true
      end
      out[#out + 1] = val
      pos, last = e, e
    elseif pos < len then
      out[#out + 1] = string.sub(s, pos + 1, pos + 1)
      pos = pos + 1
    else
      break
    end
    if anchor then break end
  end
  -- nothing replaced: the subject itself (lstrlib keeps the same string)
  if not changed then return s, n end
  if pos < len then out[#out + 1] = string.sub(s, pos + 1) end
  return table.concat(out), n
end

function R.ipairs_meta(t, i)
  i = i + 1
  local v = t[i]
  if v ~= nil then return i, v end
  return nil
end

-- ltablib's aux_getn: the length must be an integer.
local function getn(t)
  local n = #t
  if type(n) == "string" then n = tonumber(n) end
  local i = math.tointeger(n)
  if i == nil then error("object length is not an integer", 3) end
  return i
end

function R.tinsert(t, ...)
  local n = select("#", ...)
  local e = getn(t) + 1
  if n == 1 then
    t[e] = ...
  elseif n == 2 then
    local pos, v = ...
    if pos < 1 or pos > e then error("bad argument #2 to 'insert' (position out of bounds)") end
    for i = e, pos + 1, -1 do t[i] = t[i - 1] end
    t[pos] = v
  else
    error("wrong number of arguments to 'insert'")
  end
end

function R.tremove(t, pos)
  local size = getn(t)
  pos = pos or size
  if pos ~= size and math.ult(size, pos - 1) then
    error("bad argument #1 to 'remove' (position out of bounds)", 2)
  end
  local v = t[pos]
  while pos < size do
    t[pos] = t[pos + 1]
    pos = pos + 1
  end
  t[pos] = nil
  return v
end

function R.tconcat(t, sep, i, j)
  sep = sep or ""
  i = i or 1
  j = j or getn(t)
  local parts = {}
  for k = i, j do
    local v = t[k]
    if type(v) ~= "string" and type(v) ~= "number" then
      error("invalid value (" .. type(v) .. ") at index " .. k .. " in table for 'concat'")
    end
    parts[#parts + 1] = v
  end
  return table.concat(parts, sep)
end

function R.tunpack(t, i, j)
  i = i or 1
  j = j or #t
  if i > j then return end
  return t[i], R.tunpack(t, i + 1, j)
end

function R.tmove(a1, f, e, t, a2)
  a2 = a2 or a1
  if e >= f then
    if t > e or t <= f or a1 ~= a2 then
      for i = 0, e - f do a2[t + i] = a1[f + i] end
    else
      for i = e - f, 0, -1 do a2[t + i] = a1[f + i] end
    end
  end
  return a2
end

-- table.sort: Lua 5.4's algorithm (ltablib.c auxsort), so that results
-- with ties match lua5.4's.
local function sort(a, lo, up, lt)
  while lo < up do
    if lt(a[up], a[lo]) then a[lo], a[up] = a[up], a[lo] end
    if up - lo == 1 then break end
    local p = (lo + up) // 2
    if lt(a[p], a[lo]) then
      a[p], a[lo] = a[lo], a[p]
    elseif lt(a[up], a[p]) then
      a[p], a[up] = a[up], a[p]
    end
    if up - lo == 2 then break end
    local P = a[p]
    a[p], a[up - 1] = a[up - 1], a[p]
    local i, j = lo, up - 1
    while true do
      i = i + 1
      while lt(a[i], P) do
        if i == up - 1 then error("invalid order function for sorting") end
        i = i + 1
      end
      j = j - 1
      while lt(P, a[j]) do
        if j < i then error("invalid order function for sorting") end
        j = j - 1
      end
      if j < i then break end
      a[i], a[j] = a[j], a[i]
    end
    a[up - 1], a[i] = a[i], a[up - 1]
    p = i
    if p - lo < up - p then
      sort(a, lo, p - 1, lt)
      lo = p + 1
    else
      sort(a, p + 1, up, lt)
      up = p - 1
    end
  end
end

function R.tsort(t, cmp)
  local lt = cmp or function(x, y) return x < y end
  local n = getn(t)
  if n > 1 then
    if n >= 0x7fffffff then error("bad argument #1 to 'sort' (array too big)", 2) end
    sort(t, 1, n, lt)
  end
end

local stdout = {}
function stdout:write(...)
  io.write(...)
  return self
end
R.stdout = stdout
io.stdout = stdout
local ewrite = io.ewrite
io.ewrite = nil
local stderr = {}
function stderr:write(...)
  ewrite(...)
  return self
end
R.stderr = stderr
io.stderr = stderr
local read = io.read
local stdin = {}
function stdin:read(...)
  return read(...)
end
io.stdin = stdin

local resume, create = coroutine.resume, coroutine.create
local function wrapresult(ok, ...)
  if ok then return ... end
  local e = ...
  if type(e) == "string" then error(e, 2) end
  error(e, 0)
end
function coroutine.wrap(f)
  local co = create(f)
  return function(...)
    return wrapresult(resume(co, ...))
  end
end

-- `require`, `dofile`, `loadfile`: Lua source files read at run time
-- (`R.read_file`) and compiled by `load`; `package.path` is searched as
-- lua5.4 does (C modules and binary chunks are not supported).
local G = _ENV
local read_file, native_load = R.read_file, load

-- `load` of a reader function: the pieces it returns until nil or "" are
-- the chunk (an error in the reader, or a piece that is not a string,
-- makes `load` return nil and the message, as lua5.4 does).
function load(chunk, ...)
  if type(chunk) ~= "function" then return native_load(chunk, ...) end
  local parts = {}
  while true do
    local ok, piece = pcall(chunk)
    if not ok then return nil, piece end
    if piece == nil or piece == "" then break end
    if type(piece) ~= "string" then return nil, "reader function must return a string" end
    parts[#parts + 1] = piece
  end
  local n, name, mode, env = select("#", ...), ...
  if name == nil then name = "=(load)" end
  if n >= 3 then return native_load(table.concat(parts), name, mode, env) end
  return native_load(table.concat(parts), name, mode)
end
local load = load
local loaded = {
  _G = G, string = string, table = table, math = math, utf8 = utf8,
  coroutine = coroutine, os = os, io = io,
}
local preload = {}
package = { loaded = loaded, preload = preload, path = "./?.lua;./?/init.lua",
  cpath = "", config = "/\n;\n?\n!\n-\n" }
loaded.package = package

function package.searchpath(name, path, sep, rep)
  sep = sep or "."
  rep = rep or "/"
  if sep ~= "" then name = string.gsub(name, "%" .. sep, rep) end
  local tried = {}
  for template in string.gmatch(path, "[^;]+") do
    local file = string.gsub(template, "%?", name)
    if read_file(file) then return file end
    tried[#tried + 1] = "no file '" .. file .. "'"
  end
  return nil, table.concat(tried, "\n\t")
end

function loadfile(path, mode, env)
  local text, err = read_file(path)
  if not text then return nil, err end
  if string.sub(text, 1, 1) == "#" then
    text = string.gsub(text, "^[^\n]*", "", 1)
  end
  if env ~= nil then return load(text, "@" .. path, mode, env) end
  return load(text, "@" .. path, mode)
end

function dofile(path)
  local f, err = loadfile(path)
  if not f then error(err, 2) end
  return f()
end

function require(name)
  local m = loaded[name]
  if m ~= nil then return m end
  if type(name) ~= "string" and type(name) ~= "number" then
    error("bad argument #1 to 'require' (string expected, got " .. type(name) .. ")", 2)
  end
  name = tostring_native(name)
  local loader, extra = preload[name], ":preload:"
  if loader == nil then
    local path = package.path
    if type(path) ~= "string" then error("'package.path' must be a string", 2) end
    local file, tried = package.searchpath(name, path)
    if not file then
      error("module '" .. name .. "' not found:\n\tno field package.preload['" ..
        name .. "']\n\t" .. tried, 2)
    end
    local err
    loader, err = loadfile(file)
    if not loader then
      error("error loading module '" .. name .. "' from file '" .. file .. "':\n\t" ..
        err, 2)
    end
    extra = file
  end
  local r = loader(name, extra)
  if r ~= nil then loaded[name] = r end
  if loaded[name] == nil then loaded[name] = true end
  return loaded[name], extra
end

-- `debug`: `getinfo` and `traceback` (runtime/src/lua/debug.rs); each
-- other function says it is not supported when called.
setmetatable(debug, {
  __index = function(_, k)
    return function() error("not supported yet: debug." .. tostring_native(k) .. " (spec/lua.md)", 2) end
  end,
})
loaded.debug = debug
