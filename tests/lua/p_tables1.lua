local t = {10, 20, 30, x = 1, ["y z"] = 2, [1.0 + 1] = "two?"}
print(t[1], t[2], t[3], t.x, t["y z"], #t)
t[#t + 1] = 40
print(#t, t[4])
table.insert(t, 1, 5)
print(table.concat(t, ","))
print(table.remove(t), table.remove(t, 1), table.concat(t, ","))
local keys = {}
for k in pairs({a = 1, b = 2, c = 3}) do keys[#keys + 1] = k end
table.sort(keys)
print(table.concat(keys, " "))
local n = {}
n[1.5] = "f"; n[2^53] = "big"; n[-1] = "neg"; n[0] = "zero"
print(n[1.5], n[2^53], n[-1], n[0], n[9007199254740992])
print(next({}), type(next), rawlen({1, 2}), rawequal(t, t), rawequal({}, {}))
print(table.concat({}, "x"), table.concat({1, 2, 3}, ", ", 2, 3))
local m = table.move({1, 2, 3}, 1, 3, 2)
print(m[1], m[2], m[3], m[4])
