local t = {5, 2, 8, 1, 9, 3, 7, 4, 6}
table.sort(t)
print(table.concat(t, " "))
table.sort(t, function(a, b) return a > b end)
print(table.concat(t, " "))
local people = {{name = "bob", age = 30}, {name = "alice", age = 25}, {name = "carol", age = 35}, {name = "dave", age = 25}}
table.sort(people, function(a, b) if a.age ~= b.age then return a.age < b.age end return a.name < b.name end)
for _, p in ipairs(people) do io.write(p.name, ":", p.age, " ") end
print()
local words = {"banana", "Apple", "cherry", "apple"}
table.sort(words)
print(table.concat(words, " "))
local big = {}
for i = 1, 200 do big[i] = (i * 7919) % 211 end
table.sort(big)
local ok = true
for i = 2, #big do if big[i - 1] > big[i] then ok = false end end
print(ok, big[1], big[200])
print(pcall(table.sort, {1, "x"}))
