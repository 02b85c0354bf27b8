-- The game's rules, run sequentially in plain Lua: one rules environment
-- per player, made by the same function the hosted version loads into
-- each player's process (see main.erl and main.exs).
local function new_rules()
  local score = 0
  local points = {gem = 10, coin = 1, trap = -5}
  local function on_event(player, event, count)
    local delta = (points[event] or 0) * count
    if event == 'coin' and count >= 10 then delta = delta + 5 end
    score = math.max(score + delta, 0)
    return score, string.format('%s: %s x%d -> %+d', player, event, count, delta)
  end
  return on_event
end

local players = {ada = new_rules(), bob = new_rules(), cy = new_rules()}
local events = {
  {"ada", "coin", 3}, {"bob", "gem", 1}, {"cy", "trap", 1},
  {"ada", "coin", 12}, {"bob", "trap", 2}, {"cy", "gem", 2},
  {"ada", "dragon", 1},
}

local final = {}
for _, e in ipairs(events) do
  local name, event, count = e[1], e[2], e[3]
  local score, line = players[name](name, event, count)
  print(string.format("%s (score %d)", line, score))
  final[name] = score
end

local standings = {}
for name, score in pairs(final) do standings[#standings + 1] = {name, score} end
table.sort(standings, function(a, b)
  if a[2] ~= b[2] then return a[2] > b[2] end
  return a[1] < b[1]
end)
for i, s in ipairs(standings) do print(string.format("%d. %s %d", i, s[1], s[2])) end
