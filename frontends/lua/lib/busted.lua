-- A busted-compatible test framework (a subset of busted 2 and luassert),
-- written for eubeam: `eubeam test` runs `spec/**/*_spec.lua` and
-- `**/*_test.lua` files through it (driver: lib/lua_test_driver.erl).
-- The output is what busted's `plainTerminal` output handler prints and
-- the assertion messages are luassert's (English); see spec/lua.md,
-- "eubeam test", for what is covered and what differs.
--
-- Run once per test run with the registry table as its argument; returns
-- the function `run(filter, report, path1, loader1, path2, loader2, ...)`
-- that loads and runs every file and returns passed, failed, skipped.
local R = ...
local where_outside, raised_at = R.where_outside, R.raised_at
local SELF = "lua_busted.lua"

local type, tostring, tonumber, setmetatable, getmetatable =
  type, tostring, tonumber, setmetatable, getmetatable
local rawget, rawequal, pairs, ipairs, next, select, pcall, error =
  rawget, rawequal, pairs, ipairs, next, select, pcall, error
local sformat, srep, tinsert, tconcat, tsort, tunpack =
  string.format, string.rep, table.insert, table.concat, table.sort, table.unpack
local io_write, mtype, clock = io.write, math.type, os.clock

-- Position of the code using the framework (the innermost frame outside
-- this file): what luassert finds with `util.errorlevel`.
local function trace_here()
  local src, line = where_outside(SELF)
  if src then return { short_src = src, currentline = line } end
  return nil
end

local function position(trace)
  if trace then return trace.short_src .. ":" .. trace.currentline .. ": " end
  return ""
end

-- Errors with these metatables are assertion failures and `pending`
-- calls inside a test; any other error value is an error.
local failure_mt = { __tostring = function(e) return e.message end }
local pending_mt = { __tostring = function(e) return e.message end }

-- ---------------------------------------------------------------------
-- Formatting values as luassert's formatters do.

local arglist_mt = {}

local function arglist(...)
  return setmetatable({ n = select("#", ...), ... }, arglist_mt)
end

local function tostr(v)
  if type(v) ~= "number" then return tostring(v) end
  if v ~= v then return "NaN" end
  if v == 1 / 0 then return "Inf" end
  if v == -1 / 0 then return "-Inf" end
  local s = sformat("%.20g", v)
  if mtype(v) == "float" and not s:find("[%.,]") then
    s = s:gsub("%d+", "%0.0", 1)
  end
  return s
end

local type_rank = { number = 1, boolean = 2, string = 3, table = 4,
  ["function"] = 5, userdata = 6, thread = 7 }

local function sorted_keys(t)
  local keys, n = {}, 0
  for k in pairs(t) do n = n + 1; keys[n] = k end
  local len = #t
  local function rank(k)
    if type(k) == "number" and k >= 1 and k <= len and k == math.floor(k) then
      return 0
    end
    return type_rank[type(k)] or 8
  end
  tsort(keys, function(a, b)
    local ra, rb = rank(a), rank(b)
    if ra ~= rb then return ra < rb end
    local ta = type(a)
    if ta == "string" or ta == "number" then return a < b end
    if ta == "boolean" then return a end
    return false
  end)
  return keys, n
end

local TABLE_DEPTH = 3

local function fmt_table(t, crumbs)
  crumbs = crumbs or {}
  local desc
  local mt = getmetatable(t)
  if mt == nil then
    desc = "(" .. tostring(t) .. ") "
  elseif not pcall(setmetatable, t, mt) then
    desc = "(table) "
  else
    setmetatable(t, nil)
    desc = "(" .. tostring(t) .. ") "
    setmetatable(t, mt)
  end
  local function ft(v, l, with_crumbs)
    if next(v) == nil then return "{ }" end
    if l > TABLE_DEPTH then return "{ ... more }" end
    local out = { "{" }
    local keys, n = sorted_keys(v)
    local crumb = crumbs[#crumbs - l + 1]
    for i = 1, n do
      local k = keys[i]
      local x = v[k]
      local marked = with_crumbs and k == crumb
      if type(x) == "table" then
        x = ft(x, l + 1, marked)
      elseif type(x) == "string" then
        x = "'" .. x .. "'"
      end
      local mark = marked and "*" or ""
      out[#out + 1] = sformat("\n%s%s[%s] = %s", srep(" ", l * 2 - #mark), mark,
        tostr(k), tostr(x))
    end
    return tconcat(out) .. " }"
  end
  return desc .. ft(t, 1, true)
end

local format_value

local function fmt_arglist(a)
  local parts = {}
  for i = 1, a.n do parts[i] = format_value(a[i]) end
  return "(values list) (" .. tconcat(parts, ", ") .. ")"
end

format_value = function(v, extra)
  local t = type(v)
  if t == "string" then return sformat("(string) '%s'", v) end
  if t == "number" then return "(number) " .. tostr(v) end
  if t == "boolean" then return "(boolean) " .. tostring(v) end
  if t == "nil" then return "(nil)" end
  if t == "table" then
    if getmetatable(v) == arglist_mt then return fmt_arglist(v) end
    return fmt_table(v, extra and extra.crumbs)
  end
  if t == "userdata" then return sformat("(userdata) '%s'", tostring(v)) end
  if t == "thread" then return sformat("(thread) '%s'", tostring(v)) end
  return tostring(v)
end

-- penlight's `pretty.write` (what busted prints for a non-string error
-- value), for the common shapes.
local function pretty(v, indent)
  if type(v) ~= "table" then
    if type(v) == "string" then return sformat("%q", v) end
    return tostring(v)
  end
  indent = indent or ""
  local inner = indent .. "  "
  local out, n = {}, 0
  for i = 1, #v do n = n + 1; out[n] = inner .. pretty(v[i], inner) end
  local keys = sorted_keys(v)
  for _, k in ipairs(keys) do
    if not (mtype(k) == "integer" and k >= 1 and k <= #v) then
      local ks = type(k) == "string" and k:match("^[%a_][%w_]*$") and k
        or "[" .. pretty(k) .. "]"
      n = n + 1
      out[n] = inner .. ks .. " = " .. pretty(v[k], inner)
    end
  end
  if n == 0 then return "{}" end
  return "{\n" .. tconcat(out, ",\n") .. "\n" .. indent .. "}"
end

-- ---------------------------------------------------------------------
-- Assertions (luassert's model: `assert.are_not.equal` is a chain of
-- tokens, modifiers flip or set the state, the last assertion runs).

local function fail(message)
  error(setmetatable({ message = position(trace_here()) .. message }, failure_mt), 0)
end

local function has_tostring(v)
  if type(v) == "string" then return true end
  local mt = getmetatable(v)
  return type(mt) == "table" and type(rawget(mt, "__tostring")) == "function"
end

local function callable(v)
  if type(v) == "function" then return true end
  local mt = getmetatable(v)
  return type(mt) == "table" and type(rawget(mt, "__call")) == "function"
end

-- Deep comparison; on a difference also the path of keys to it,
-- innermost first (luassert's "crumbs").
local function deepcompare(a, b, ignore_mt, seen)
  if type(a) ~= "table" or type(b) ~= "table" then return a == b end
  local ma, mb = getmetatable(a), getmetatable(b)
  if ma and ma == mb and ma.__eq then
    if not ignore_mt then return a == b end
  elseif rawequal(a, b) then
    return true
  end
  seen = seen or {}
  seen[a] = seen[a] or {}
  if seen[a][b] then return true end
  seen[a][b] = true
  for k, v in next, a do
    local w = b[k]
    if w == nil then return false, { k } end
    local same, crumbs = deepcompare(v, w, nil, seen)
    if not same then
      crumbs = crumbs or {}
      crumbs[#crumbs + 1] = k
      return false, crumbs
    end
  end
  for k in next, b do
    if a[k] == nil then return false, { k } end
  end
  return true
end

-- util.tinsert / tremove over an argument list with its `n`.
local function ainsert(t, pos, v)
  t.n = (t.n or #t) + 1
  if pos > t.n then t.n = pos end
  for i = t.n, pos + 1, -1 do t[i] = t[i - 1] end
  t[pos] = v
end

local function aremove(t, pos)
  t.n = t.n or #t
  local v = t[pos]
  for i = pos, t.n do t[i] = t[i + 1] end
  t[t.n] = nil
  t.n = t.n - 1
  return v
end

local function set_message(state, m)
  if m ~= nil then state.failure_message = m end
end

local assertions, modifiers = {}, {}

local function register(name, fn, pos, neg)
  assertions[name] = { fn = fn, pos = pos, neg = neg }
end

local SAME_P = "Expected objects to be the same.\nPassed in:\n%s\nExpected:\n%s"
local SAME_N = "Expected objects to not be the same.\nPassed in:\n%s\nDid not expect:\n%s"
local EQ_P = "Expected objects to be equal.\nPassed in:\n%s\nExpected:\n%s"
local EQ_N = "Expected objects to not be equal.\nPassed in:\n%s\nDid not expect:\n%s"
local ERR_P = "Expected a different error.\nCaught:\n%s\nExpected:\n%s"
local ERR_N = "Expected no error, but caught:\n%s"
local TOO_FEW = "the '%s' function requires a minimum of %s arguments, got: %s"
local BADARG = "bad argument #%s to '%s' (%s expected, got %s)"

local function need(args, n, name)
  if args.n < n then fail(sformat(TOO_FEW, name, n, args.n)) end
end

local function equals(state, args)
  need(args, 2, "equals")
  local ok = args[1] == args[2]
  ainsert(args, 1, aremove(args, 2))
  set_message(state, args[3])
  return ok
end

local function same(state, args)
  need(args, 2, "same")
  if type(args[1]) == "table" and type(args[2]) == "table" then
    local ok, crumbs = deepcompare(args[1], args[2], true)
    ainsert(args, 1, aremove(args, 2))
    args.fmtargs = { { crumbs = crumbs }, { crumbs = crumbs } }
    set_message(state, args[3])
    return ok
  end
  local ok = args[1] == args[2]
  ainsert(args, 1, aremove(args, 2))
  set_message(state, args[3])
  return ok
end

local function truthy(state, args)
  need(args, 1, "truthy")
  set_message(state, args[2])
  return args[1] ~= false and args[1] ~= nil
end

local function falsy(state, args)
  need(args, 1, "falsy")
  return not truthy(state, args)
end

local function is_value(expected)
  return function(state, args)
    ainsert(args, 2, expected)
    set_message(state, args[3])
    return args[1] == args[2]
  end
end

local function is_type(tname)
  return function(state, args)
    ainsert(args, 2, "type " .. tname)
    args.nofmt = args.nofmt or {}
    args.nofmt[2] = true
    set_message(state, args[3])
    return args.n > 1 and type(args[1]) == tname
  end
end

local function strip_position(e)
  if type(e) == "string" then return (e:gsub("^.-:%d+: ", "", 1)) end
  return e
end

local function has_error(state, args)
  local fn, expected, message = args[1], args[2], args[3]
  if not callable(fn) then
    fail(sformat(BADARG, 1, "error", "function or callable object", type(fn)))
  end
  local ok, actual = pcall(fn)
  actual = strip_position(actual)
  local retargs = { actual }
  args.nofmt = { ok, expected == nil }
  args.n = 2
  args[1] = ok and "(no error)" or actual
  args[2] = expected == nil and "(error)" or expected
  set_message(state, message)
  if ok or expected == nil then return not ok, retargs end
  if type(expected) == "string" then
    if has_tostring(actual) then actual = tostring(actual); retargs[1] = actual end
    if type(actual) == "string" then return expected == actual, retargs end
  elseif type(expected) == "number" then
    if type(actual) == "string" then
      return tostring(expected) == tostring(tonumber(actual)), retargs
    end
  end
  return (deepcompare(expected, actual)), retargs
end

local function error_matches(state, args)
  need(args, 2, "error_matches")
  local fn, pattern = args[1], args[2]
  if not callable(fn) then
    fail(sformat(BADARG, 1, "error_matches", "function or callable object", type(fn)))
  end
  if pattern ~= nil and type(pattern) ~= "string" then
    fail(sformat(BADARG, 2, "error", "string", type(pattern)))
  end
  local message
  for i = 3, args.n do
    local a = args[i]
    if a and type(a) ~= "boolean" and not tonumber(a) then
      message = aremove(args, i)
      break
    end
  end
  local init, plain = args[3], args[4]
  local ok, actual = pcall(fn)
  actual = strip_position(actual)
  local retargs = { actual }
  args.nofmt = { ok, false }
  args.n = 2
  args[1] = ok and "(no error)" or actual
  args[2] = pattern
  set_message(state, message)
  if ok then return false, retargs end
  if actual == nil and pattern == nil then return true, {} end
  if has_tostring(actual) or type(actual) == "number" or type(actual) == "boolean" then
    actual = tostring(actual)
    retargs[1] = actual
  end
  if type(actual) == "string" then
    if plain then
      if actual:find(pattern, init, plain) ~= nil then return true, { pattern } end
      return false, retargs
    end
    local m = table.pack(actual:match(pattern, init))
    if m[1] ~= nil then return true, m end
    return false, retargs
  end
  return false, retargs
end

local function matches(state, args)
  need(args, 2, "matches")
  local pattern, actual = args[1], nil
  if has_tostring(args[2]) or type(args[2]) == "number" then actual = tostring(args[2]) end
  local message
  for i = 3, args.n do
    local a = args[i]
    if a and type(a) ~= "boolean" and not tonumber(a) then
      message = aremove(args, i)
      break
    end
  end
  local init, plain = args[3], args[4]
  if type(pattern) ~= "string" then
    fail(sformat(BADARG, 1, "matches", "string", type(args[1])))
  end
  if not actual then
    fail(sformat(BADARG, 2, "matches", "string or object convertible to a string",
      format_value(args[2])))
  end
  ainsert(args, 1, aremove(args, 2))
  set_message(state, message)
  if plain then
    local ok = actual:find(pattern, init, plain) ~= nil
    return ok, ok and { pattern } or {}
  end
  local m = table.pack(actual:match(pattern, init))
  return m[1] ~= nil, m
end

local function near(state, args)
  need(args, 3, "near")
  local expected, actual, tol = tonumber(args[1]), tonumber(args[2]), tonumber(args[3])
  local kind = "number or object convertible to a number"
  if not expected then fail(sformat(BADARG, 1, "near", kind, format_value(args[1]))) end
  if not actual then fail(sformat(BADARG, 2, "near", kind, format_value(args[2]))) end
  if not tol then fail(sformat(BADARG, 3, "near", kind, format_value(args[3]))) end
  ainsert(args, 1, aremove(args, 2))
  args[3] = tol
  args.nofmt = args.nofmt or {}
  args.nofmt[3] = true
  set_message(state, args[4])
  return actual >= expected - tol and actual <= expected + tol
end

-- spies
local spy_mt = {}

local function copy_args(a)
  local vals = setmetatable({}, arglist_mt)
  for k, v in pairs(a) do vals[k] = v end
  return { vals = vals }
end

spy_mt.__call = function(self, ...)
  self.calls[#self.calls + 1] = copy_args(arglist(...))
  local function returns(...)
    self.returnvals[#self.returnvals + 1] = copy_args(arglist(...))
    return ...
  end
  return returns(self.callback(...))
end

local function args_match(vals, expected)
  if vals.n ~= expected.n then return false end
  for i = 1, vals.n do
    if not deepcompare(vals[i], expected[i]) then return false end
  end
  return true
end

local function find_call(list, expected)
  for i = #list, 1, -1 do
    if args_match(list[i].vals, expected) then return list[i] end
  end
  return nil
end

local spy = {}
spy.new = function(callback)
  callback = callback or function() end
  if not callable(callback) then
    fail("Cannot spy on type '" .. type(callback) .. "', only on functions or callable elements")
  end
  local s = {
    calls = {}, returnvals = {}, callback = callback,
    revert = function(self)
      if not self.reverted then
        if self.target_table and self.target_key then
          self.target_table[self.target_key] = self.callback
        end
        self.reverted = true
      end
      return self.callback
    end,
    clear = function(self)
      self.calls, self.returnvals = {}, {}
      return self
    end,
    called = function(self, times, compare)
      if times or compare then
        compare = compare or function(count, expected) return count == expected end
        return compare(#self.calls, times), #self.calls
      end
      return #self.calls > 0, #self.calls
    end,
    called_with = function(self, args)
      local last = #self.calls > 0 and self.calls[#self.calls].vals or nil
      local m = find_call(self.calls, args)
      if m then return true, m.vals end
      return false, last
    end,
    returned_with = function(self, args)
      local last = #self.returnvals > 0 and self.returnvals[#self.returnvals].vals or nil
      local m = find_call(self.returnvals, args)
      if m then return true, m.vals end
      return false, last
    end,
  }
  return setmetatable(s, spy_mt)
end
spy.is_spy = function(v) return type(v) == "table" and getmetatable(v) == spy_mt end
spy.on = function(t, k)
  local s = spy.new(t[k])
  t[k] = s
  s.target_table, s.target_key = t, k
  return s
end
setmetatable(spy, { __call = function(_, ...) return spy.new(...) end })

local function called(compare)
  return function(state, args)
    local times = args[1]
    if not times and not state.mod then
      state.mod = true
      times = 0
    end
    local payload = rawget(state, "payload")
    if type(payload) == "table" and payload.called then
      local ok, count = payload:called(times, compare)
      args[1] = tostring(times or ">0")
      ainsert(args, 2, tostring(count))
      args.nofmt = args.nofmt or {}
      args.nofmt[1], args.nofmt[2] = true, true
      return ok
    elseif type(payload) == "function" then
      fail("When calling 'spy(aspy)', 'aspy' must not be the original function, but the spy function replacing the original")
    end
    fail("'called' must be chained after 'spy(aspy)'")
  end
end

local function with_args(method, name)
  return function(state, args)
    local payload = rawget(state, "payload")
    if not (type(payload) == "table" and payload[method]) then
      fail("'" .. name .. "' must be chained after 'spy(aspy)'")
    end
    local ok, found = payload[method](payload, args)
    local expected = setmetatable({}, arglist_mt)
    for k, v in pairs(args) do expected[k] = v end
    for i = args.n, 1, -1 do aremove(args, i) end
    args.n = nil
    ainsert(args, 1, found)
    ainsert(args, 2, expected)
    return ok
  end
end

modifiers["is"], modifiers["are"], modifiers["was"], modifiers["has"] = true, true, true, true
modifiers["does"], modifiers["a"], modifiers["an"], modifiers["the"] = true, true, true, true
modifiers["not"], modifiers["no"] = "not", "not"
modifiers["message"], modifiers["spy"], modifiers["stub"] = "message", "spy", "spy"

register("true", is_value(true), SAME_P, SAME_N)
register("false", is_value(false), SAME_P, SAME_N)
for _, t in ipairs({ "boolean", "number", "string", "table", "nil", "userdata",
    "function", "thread" }) do
  register(t, is_type(t), SAME_P, SAME_N)
end
register("same", same, SAME_P, SAME_N)
register("equals", equals, EQ_P, EQ_N)
register("equal", equals, EQ_P, EQ_N)
register("matches", matches, "Expected strings to match.\nPassed in:\n%s\nExpected:\n%s",
  "Expected strings not to match.\nPassed in:\n%s\nDid not expect:\n%s")
assertions["match"] = assertions["matches"]
register("near", near, "Expected values to be near.\nPassed in:\n%s\nExpected:\n%s +/- %s",
  "Expected values to not be near.\nPassed in:\n%s\nDid not expect:\n%s +/- %s")
register("error", has_error, ERR_P, ERR_N)
register("errors", has_error, ERR_P, ERR_N)
for _, n in ipairs({ "error_matches", "error_match", "matches_error", "match_error" }) do
  register(n, error_matches, ERR_P, ERR_N)
end
register("truthy", truthy, "Expected to be truthy, but value was:\n%s",
  "Expected to not be truthy, but value was:\n%s")
register("falsy", falsy, "Expected to be falsy, but value was:\n%s",
  "Expected to not be falsy, but value was:\n%s")
register("called", called(), "Expected to be called %s time(s), but was called %s time(s)",
  "Expected not to be called exactly %s time(s), but it was.")
register("called_at_least", called(function(n, e) return n >= e end),
  "Expected to be called at least %s time(s), but was called %s time(s)",
  "Expected to be called less than %s time(s), but was called %s time(s)")
register("called_at_most", called(function(n, e) return n <= e end),
  "Expected to be called at most %s time(s), but was called %s time(s)",
  "Expected to be called more than %s time(s), but was called %s time(s)")
register("called_with", with_args("called_with", "called_with"),
  "Function was never called with matching arguments.\nCalled with (last call if any):\n%s\nExpected:\n%s",
  "Function was called with matching arguments at least once.\nCalled with (last matching call):\n%s\nDid not expect:\n%s")
register("returned_with", with_args("returned_with", "returned_with"),
  "Function never returned matching arguments.\nReturned (last call if any):\n%s\nExpected:\n%s",
  "Function returned matching arguments at least once.\nReturned (last matching call):\n%s\nDid not expect:\n%s")

-- The assertion keys named by a chain of tokens: from the end, the
-- longest run of tokens joined by `_` naming an assertion, else a
-- single modifier or assertion.
local function resolve(tokens)
  local keys, key = {}, nil
  local i = #tokens
  while i > 0 do
    key = key and (tokens[i] .. "_" .. key) or tokens[i]
    while i > 1 and assertions[tokens[i - 1] .. "_" .. key] do
      i = i - 1
      key = tokens[i] .. "_" .. key
    end
    if modifiers[key] or assertions[key] then
      tinsert(keys, 1, key)
      key = nil
    end
    i = i - 1
  end
  if key then fail("luassert: unknown modifier/assertion: '" .. key .. "'") end
  return keys
end

local function format_args(args)
  local nofmt, fmtargs = args.nofmt or {}, args.fmtargs or {}
  local out = {}
  for i = 1, (args.n or #args) do
    if nofmt[i] then
      out[i] = args[i]
    else
      out[i] = format_value(args[i], fmtargs[i])
    end
  end
  return out
end

local state_mt = {}

local function new_state()
  return setmetatable({ mod = true, tokens = {} }, state_mt)
end

state_mt.__index = function(self, key)
  for token in key:lower():gmatch("[^_]+") do
    local tokens = rawget(self, "tokens")
    tokens[#tokens + 1] = token
  end
  return self
end

state_mt.__call = function(self, ...)
  local keys = resolve(rawget(self, "tokens"))
  local assertion
  for _, k in ipairs(keys) do assertion = assertions[k] or assertion end
  local args = arglist(...)
  if assertion then
    for _, k in ipairs(keys) do
      if modifiers[k] == "not" then self.mod = not self.mod end
    end
    local ok, retargs = assertion.fn(self, args)
    if (not ok) == self.mod then
      local template = self.mod and assertion.pos or assertion.neg
      local message = sformat(template, tunpack(format_args(args)))
      local custom = rawget(self, "failure_message")
      if custom ~= nil then
        if has_tostring(custom) then custom = tostring(custom) else custom = format_value(custom) end
        message = custom .. "\n" .. message
      end
      fail(message)
    end
    if retargs then return tunpack(retargs, 1, retargs.n or #retargs) end
    return ...
  end
  self.tokens = {}
  for _, k in ipairs(keys) do
    local m = modifiers[k]
    if m == "not" then
      self.mod = not self.mod
    elseif m == "message" then
      self.failure_message = args[1]
    elseif m == "spy" then
      self.payload = args[1]
      if args[2] ~= nil then self.failure_message = args[2] end
    end
  end
  return self
end

-- Plain mode: at the top level of a `*_test.lua` script, `assert(v, m)`
-- is Lua's own assert (the script is checked as lua5.4 runs it).
local plain_mode = false
local lua_assert = assert

local luassert = setmetatable({}, {
  __call = function(_, ...)
    if plain_mode then return lua_assert(...) end
    local v, message = ...
    if not v then
      if message ~= nil and type(message) ~= "string" then
        error(message, 0)
      end
      fail(message or "assertion failed!")
    end
    return ...
  end,
  __index = function(_, key) return new_state()[key] end,
})

-- ---------------------------------------------------------------------
-- Blocks: registration (`describe`, `it`, ... attach to the block being
-- defined) and execution, in busted's order.

local current -- the block whose body is running (registration target)
local running_test -- the `it` element running, if any
local filter
local counts = { successes = 0, failures = 0, errors = 0, pendings = 0 }
local pendings, failures, errors = {}, {}, {}

local function new_block(descriptor, name, run, trace, parent)
  return { descriptor = descriptor, name = name, run = run, trace = trace,
    parent = parent, children = {}, hooks = {} }
end

local function full_name(el)
  -- a file's parent is the suite, named "suite" (busted's root context)
  if el.descriptor == "file" then return "suite " .. el.name end
  local names = { el.name or el.descriptor }
  local p = el.parent
  while p and (p.name or p.descriptor) and p.descriptor ~= "file" do
    tinsert(names, 1, p.name or p.descriptor)
    p = p.parent
  end
  return tconcat(names, " ")
end

local HOOKS = { before_each = true, after_each = true, strict_setup = true,
  strict_teardown = true, lazy_setup = true, lazy_teardown = true }

-- `alias`: the name the user called (`setup` for `strict_setup`), which
-- names an element registered without a name, as in busted.
local function register_block(descriptor, name, fn, alias)
  if running_test or not current then
    error(position(trace_here()) .. "'" .. (alias or descriptor) ..
      "' not supported inside current context block", 0)
  end
  if fn == nil and type(name) == "function" then fn, name = name, alias end
  local el = new_block(descriptor, name, fn, trace_here(), current)
  if HOOKS[descriptor] then
    local list = current.hooks[descriptor] or {}
    current.hooks[descriptor] = list
    list[#list + 1] = el
  end
  current.children[#current.children + 1] = el
end

local function registrar(descriptor, alias)
  return function(name, fn) register_block(descriptor, name, fn, alias) end
end

local api = {
  describe = registrar("describe"),
  context = registrar("describe", "context"),
  insulate = registrar("describe", "insulate"),
  expose = registrar("describe", "expose"),
  it = registrar("it"),
  spec = registrar("it", "spec"),
  test = registrar("it", "test"),
  before_each = registrar("before_each"),
  after_each = registrar("after_each"),
  setup = registrar("strict_setup", "setup"),
  teardown = registrar("strict_teardown", "teardown"),
  strict_setup = registrar("strict_setup"),
  strict_teardown = registrar("strict_teardown"),
  lazy_setup = registrar("lazy_setup"),
  lazy_teardown = registrar("lazy_teardown"),
  assert = luassert,
  spy = spy,
}

api.pending = function(name, fn)
  if running_test then
    error(setmetatable({ message = name, trace = trace_here() }, pending_mt), 0)
  end
  register_block("pending", name, fn or function() end, "pending")
end

api.finally = function(fn)
  if not running_test then
    error(position(trace_here()) .. "'finally' not supported inside current context block", 0)
  end
  running_test.finally = fn
end

-- A trace from the `chunk:line: ` at the start of a message.
local function trace_of(msg)
  if type(msg) ~= "string" then return nil end
  local src, line = msg:match("^([^\n]-):(%d+): ")
  if src then return { short_src = src, currentline = tonumber(line) } end
  return nil
end

-- Run fn; returns status ("success", "failure", "pending", "error"),
-- the message, the trace of where it was raised, and the error value.
local function safe(el, fn)
  local ok, e = pcall(fn)
  if ok then return "success" end
  if type(e) == "table" and getmetatable(e) == failure_mt then
    return "failure", e.message, trace_of(e.message), e.message
  end
  if type(e) == "table" and getmetatable(e) == pending_mt then
    local msg = e.message
    if type(msg) == "string" and not msg:match("^[^\n]-:%d+: .*") then
      msg = position(e.trace) .. msg
    end
    return "pending", msg, e.trace
  end
  local msg
  if has_tostring(e) then
    msg = tostring(e)
  elseif e ~= nil then
    msg = pretty(e)
  else
    msg = "Nil error"
  end
  if not msg:match("^[^\n]-:%d+: .*") then
    -- busted names the place the error was raised
    local at = raised_at()
    if at == "" then at = position(el.trace) end
    msg = at .. msg
  end
  return "error", msg, trace_of(msg), e
end

-- A failure or error report: a block registered in a file has the trace
-- of its registration; a file (registered by the runner) the trace of
-- the error.
local function record(list, el, message, trace)
  list[#list + 1] = { name = full_name(el), message = message, el = el,
    trace = el.trace or trace }
end

-- An error outside a test (a block body, a hook): busted counts it as an
-- error and prints `*` for a file or describe block.
local function block_error(el, message, trace)
  counts.errors = counts.errors + 1
  record(errors, el, message, trace)
  if el.descriptor == "file" or el.descriptor == "describe" then io_write("*") end
end

local function run_hooks(block, kind)
  local ok = true
  for _, h in ipairs(block.hooks[kind] or {}) do
    local st, msg = safe(h, h.run)
    if st ~= "success" then
      block_error(h, msg)
      ok = false
    end
  end
  return ok
end

local function ancestors(block)
  local chain = {}
  while block do
    tinsert(chain, 1, block)
    block = block.parent
  end
  return chain
end

local function selected(el)
  return filter == nil or full_name(el):find(filter, 1, true) ~= nil
end

local function test_end(el, status, message, trace)
  if status == "success" then
    counts.successes = counts.successes + 1
    io_write("+")
  elseif status == "pending" then
    counts.pendings = counts.pendings + 1
    pendings[#pendings + 1] = { name = full_name(el), message = message,
      trace = trace or el.trace }
    io_write(".")
  elseif status == "failure" then
    counts.failures = counts.failures + 1
    record(failures, el, message)
    io_write("-")
  else
    counts.errors = counts.errors + 1
    record(errors, el, message)
    io_write("*")
  end
end

local function run_it(el)
  if not selected(el) then return end
  -- before_each from the outermost block in; a failing level stops the
  -- deeper ones and the test (after_each runs from that level out).
  local chain = ancestors(el.parent)
  local reached, pass = nil, true
  for _, b in ipairs(chain) do
    reached = b
    if not run_hooks(b, "before_each") then
      pass = false
      break
    end
  end
  if pass then
    running_test = el
    local status, message, trace = safe(el, el.run)
    if el.finally then
      local st2, msg2 = safe(el, el.finally)
      if st2 ~= "success" and status ~= "error" then
        status, message, trace = st2 == "failure" and "failure" or "error", msg2, nil
      end
    end
    running_test = nil
    test_end(el, status, message, trace)
  end
  local b = reached
  while b do
    run_hooks(b, "after_each")
    b = b.parent
  end
end

local run_block

local function run_children(block)
  for _, child in ipairs(block.children) do
    local d = child.descriptor
    if d == "describe" then
      run_block(child)
    elseif d == "it" then
      run_it(child)
    elseif d == "pending" then
      if selected(child) then test_end(child, "pending") end
    end
  end
end

-- A describe block: its body registers the children, then setups,
-- children in order, teardowns.
run_block = function(block)
  current = block
  local st, msg = safe(block, block.run)
  current = nil
  if st ~= "success" then
    block_error(block, msg)
    return
  end
  if run_hooks(block, "lazy_setup") and run_hooks(block, "strict_setup") then
    run_children(block)
  end
  run_hooks(block, "lazy_teardown")
  run_hooks(block, "strict_teardown")
end

local function summary_line(seconds)
  local function word(n, one, many)
    return n .. " " .. (n == 1 and one or many)
  end
  local t = sformat("%.6f", seconds):gsub("([0-9])0+$", "%1")
  return word(counts.successes, "success", "successes") .. " / " ..
    word(counts.failures, "failure", "failures") .. " / " ..
    word(counts.errors, "error", "errors") .. " / " ..
    counts.pendings .. " pending : " .. t .. " seconds"
end

local function describe_failure(f, kind)
  if not f.trace then
    return kind .. " -> " .. f.message .. "\n" .. f.name
  end
  return kind .. " -> " .. f.trace.short_src .. " @ " .. f.trace.currentline .. "\n" ..
    f.name .. "\n" .. f.message
end

local function print_report(seconds)
  io_write("\n", summary_line(seconds), "\n")
  for _, p in ipairs(pendings) do
    local s = "Pending -> " .. p.trace.short_src .. " @ " .. p.trace.currentline ..
      "\n" .. p.name
    if type(p.message) == "string" then
      s = s .. "\n" .. p.message
    elseif p.message ~= nil then
      s = s .. "\n" .. pretty(p.message)
    end
    io_write("\n", s, "\n")
  end
  for _, f in ipairs(failures) do io_write("\n", describe_failure(f, "Failure"), "\n") end
  for _, f in ipairs(errors) do io_write("\n", describe_failure(f, "Error"), "\n") end
end

local function file_env()
  local env = {}
  for k, v in pairs(api) do env[k] = v end
  return setmetatable(env, { __index = _G })
end

-- run(filter, report, path1, loader1, ...): each loader, given an
-- environment, returns the file's chunk. `report(e)` prints an uncaught
-- error as lua5.4 does.
return function(filter_, report, ...)
  filter = filter_
  -- busted's default `--lpath`: modules under test in ./src
  package.path = "./src/?.lua;./src/?/?.lua;./src/?/init.lua;" .. package.path
  local nfiles = select("#", ...) // 2
  local files = { ... }
  local start = clock()
  local any_busted = false
  local plain_passed, plain_failed = 0, 0
  for i = 1, nfiles do
    local path, loader = files[2 * i - 1], files[2 * i]
    local spec = path:find("_spec%.lua$") ~= nil
    local file = new_block("file", path, nil, nil, nil)
    local env = file_env()
    current = file
    plain_mode = not spec
    local chunk = loader(env)
    local st, msg, trace, raw = safe(file, chunk)
    current = nil
    plain_mode = false
    if spec or #file.children > 0 then
      any_busted = true
      if st ~= "success" then
        block_error(file, msg, trace)
      elseif run_hooks(file, "lazy_setup") and run_hooks(file, "strict_setup") then
        run_children(file)
        run_hooks(file, "lazy_teardown")
        run_hooks(file, "strict_teardown")
      end
    elseif filter == nil or path:find(filter, 1, true) then
      if st == "success" then
        plain_passed = plain_passed + 1
      else
        plain_failed = plain_failed + 1
        report(raw)
      end
    end
  end
  if any_busted then print_report(clock() - start) end
  return counts.successes + plain_passed,
    counts.failures + counts.errors + plain_failed,
    counts.pendings
end
