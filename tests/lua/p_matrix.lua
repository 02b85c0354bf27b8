local function matmul(a, b)
  local n, m, p = #a, #b, #b[1]
  local c = {}
  for i = 1, n do
    c[i] = {}
    for j = 1, p do
      local s = 0
      for k = 1, m do s = s + a[i][k] * b[k][j] end
      c[i][j] = s
    end
  end
  return c
end
local a = {{1, 2}, {3, 4}}
local b = {{5, 6}, {7, 8}}
local c = matmul(a, b)
for _, row in ipairs(c) do print(table.concat(row, " ")) end
local id = matmul(a, {{1, 0}, {0, 1}})
print(id[1][1], id[2][2], matmul({{0.5}}, {{4}})[1][1])
