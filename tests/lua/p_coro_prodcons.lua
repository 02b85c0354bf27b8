local function producer()
  return coroutine.create(function()
    for _, item in ipairs({"a", "b", "c"}) do coroutine.yield(item) end
    return nil
  end)
end
local function filter(p)
  return coroutine.create(function()
    while true do
      local _, x = coroutine.resume(p)
      if not x then return nil end
      coroutine.yield(x:upper())
    end
  end)
end
local f = filter(producer())
while true do
  local _, v = coroutine.resume(f)
  if not v then break end
  print(v)
end
