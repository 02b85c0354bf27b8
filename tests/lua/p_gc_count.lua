local before = collectgarbage("count")
print(type(before))
local t = {}
for i = 1, 1000 do t[i] = {i} end
t = nil
collectgarbage()
print(collectgarbage("isrunning"), collectgarbage("step") ~= nil)
