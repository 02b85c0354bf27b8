local function merge(a, b)
  local r, i, j = {}, 1, 1
  while i <= #a and j <= #b do
    if a[i] <= b[j] then r[#r + 1] = a[i]; i = i + 1 else r[#r + 1] = b[j]; j = j + 1 end
  end
  for k = i, #a do r[#r + 1] = a[k] end
  for k = j, #b do r[#r + 1] = b[k] end
  return r
end
local function msort(t)
  if #t <= 1 then return t end
  local mid = #t // 2
  return merge(msort({table.unpack(t, 1, mid)}), msort({table.unpack(t, mid + 1)}))
end
print(table.concat(msort({38, 27, 43, 3, 9, 82, 10, 3}), " "))
