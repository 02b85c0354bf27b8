for i = 1, 3 do
  for j = 1, 3 do
    if j == 2 then goto continue end
    io.write(i, j, " ")
    ::continue::
  end
end
print()
local i = 1
::top::
if i <= 5 then io.write(i, " "); i = i + 1; goto top end
print()
do
  local k = 0
  ::again::
  k = k + 1
  if k < 3 then goto again end
  print("k", k)
end
