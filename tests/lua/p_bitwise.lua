print(5 & 3, 5 | 3, 5 ~ 3, ~5, 1 << 62, 1 << 63, 1 << 64, -1 >> 1, 3.0 | 0)
print(0xF0 >> 4, 0xF0 << -4, pcall(function() return 1.5 | 0 end))
for i = 0, 7 do io.write(((1 << i) & 0xAA) ~= 0 and "1" or "0") end
print()
