local t = {10, 20, 30, nil, 50}
print(#t, t[5])
local u = {}
for i = 1, 10 do u[i] = i * i end
print(#u, u[10])
u[#u + 1] = 121
print(#u)
u[#u] = nil
print(#u)
table.insert(u, 1, 0)
print(u[1], u[2], #u)
print(table.remove(u), table.remove(u, 1), #u)
print(table.concat({1, 2, 3}, ", "), table.concat({"a", "b"}), table.concat({}, "x"), table.concat({1,2,3,4}, "-", 2, 3))
local p = table.pack(1, nil, 3)
print(p.n, p[1], p[2], p[3])
print(table.unpack({1, 2, 3}))
print(table.unpack({1, 2, 3}, 2))
local s = {5, 2, 8, 1, 9, 3}
table.sort(s)
print(table.concat(s, " "))
table.sort(s, function(a, b) return a > b end)
print(table.concat(s, " "))
local words = {"banana", "apple", "Cherry", "date"}
table.sort(words)
print(table.concat(words, " "))
local people = {{name="bob", age=30}, {name="al", age=25}, {name="cy", age=35}}
table.sort(people, function(a, b) return a.age < b.age end)
for _, p in ipairs(people) do io.write(p.name, " ") end
print()
print(table.concat(table.move({1,2,3}, 1, 3, 2), ","))
local keys = {}
for k in pairs({x=1, y=2, z=3}) do keys[#keys+1] = k end
table.sort(keys)
print(table.concat(keys, ","))
local nested = {a = {b = {c = "deep"}}}
print(nested.a.b.c, nested["a"]["b"].c)
local m = {}
m[1.0] = "one"; m[2] = "two"
print(m[1], m[2.0], #m)
print(next({}), type(next({1})), rawlen({1,2}), rawequal(t, t), rawget(t, 1))
local cnt = 0
for k, v in pairs({1, 2, 3, a = 4, b = 5}) do cnt = cnt + v end
print(cnt)
local big = {}
for i = 1, 1000 do big[i] = i end
for i = 1, 500 do big[i] = nil end
print(big[1000], big[500], big[501])
local t2 = {n = 0}
t2.n = t2.n + 1
t2["n"] = t2["n"] * 10
print(t2.n)
