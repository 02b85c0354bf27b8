-- A module for tests/lua/require_files.lua.
local name, path = ...
local M = { loaded_as = name, from = path }
function M.hello(who) return "hello, " .. who end
counter = (counter or 0) + 1
return M
