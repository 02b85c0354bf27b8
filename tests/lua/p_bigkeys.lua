local t = {[math.mininteger] = 10, [math.maxinteger] = 20, [2^62] = 30}
print(t[math.mininteger], t[math.maxinteger], t[2^62], t[math.tointeger(2^62)])
local f = ipairs{}
print(f(t, math.maxinteger))
for k, v in pairs({[math.mininteger] = 1}) do print(k, v) end
