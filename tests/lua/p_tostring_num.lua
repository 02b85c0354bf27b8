local vals = {0, -0.0, 1/3, 2/3, 1e15, 1e16, 123456.789, 2^24, 2^31, 2^63, -2^63, 1e-5, 5e-324, 3.0, -7.25, 255 // 1, 1e308 * 10}
for _, v in ipairs(vals) do io.write(tostring(v), " ") end
print()
print(string.format("%.14g", 0.1), 0.1, 1 - 0.9)
print(8 // 3 * 1.0, 2^2, 10 // 3.0)
