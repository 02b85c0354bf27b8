local vars = {name = "Lua", version = "5.4"}
print((("Hello $name $version $missing"):gsub("%$(%w+)", vars)))
print((("Hello $name"):gsub("%$(%w+)", function(k) return vars[k]:upper() end)))
print(("abc"):gsub(".", {a = 1, b = false}))
print(pcall(string.gsub, "abc", ".", {a = true}))
print(pcall(string.gsub, "abc", "(", "x"))
print(("hello world"):gsub("o", "0", 1))
print(("%d"):gsub("%%", "%%%%"))
