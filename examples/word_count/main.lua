-- Word frequencies of a short text: split, normalise, count in a table,
-- and rank by count (then alphabetically).
local text = "The actor model treats actors as the universal primitives of concurrent " ..
  "computation. In response to a message it receives, an actor can make " ..
  "local decisions, create more actors, send more messages, and determine " ..
  "how to respond to the next message received. Actors may modify their " ..
  "own private state, but can only affect each other indirectly through " ..
  "messaging."

local words, counts, distinct = {}, {}, 0
for w in text:lower():gmatch("[^ .,]+") do
  words[#words + 1] = w
  if not counts[w] then distinct = distinct + 1 end
  counts[w] = (counts[w] or 0) + 1
end
print(string.format("%d words, %d distinct", #words, distinct))

local ranked = {}
for w, c in pairs(counts) do ranked[#ranked + 1] = {w, c} end
table.sort(ranked, function(a, b)
  if a[2] ~= b[2] then return a[2] > b[2] end
  return a[1] < b[1]
end)
for i = 1, 6 do print(string.format("%-10s %d", ranked[i][1], ranked[i][2])) end

local longest = ""
for _, w in ipairs(words) do
  if #w > #longest then longest = w end
end
print(string.format("longest: %s (%d letters)", longest, #longest))
