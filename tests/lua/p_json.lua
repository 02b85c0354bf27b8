local function encode(v)
  local t = type(v)
  if t == "table" then
    if #v > 0 then
      local parts = {}
      for _, x in ipairs(v) do parts[#parts + 1] = encode(x) end
      return "[" .. table.concat(parts, ",") .. "]"
    end
    local keys = {}
    for k in pairs(v) do keys[#keys + 1] = k end
    table.sort(keys)
    local parts = {}
    for _, k in ipairs(keys) do parts[#parts + 1] = string.format("%q:%s", k, encode(v[k])) end
    return "{" .. table.concat(parts, ",") .. "}"
  elseif t == "string" then return '"' .. v .. '"'
  else return tostring(v) end
end
print(encode({name = "x", list = {1, 2, {a = true}}, n = 1.5, z = false}))
