local moves = {}
local function hanoi(n, a, b, c)
  if n == 0 then return 0 end
  local m = hanoi(n - 1, a, c, b)
  moves[#moves + 1] = a .. "->" .. c
  return m + 1 + hanoi(n - 1, b, a, c)
end
print(hanoi(4, "A", "B", "C"))
print(table.concat(moves, " "))
