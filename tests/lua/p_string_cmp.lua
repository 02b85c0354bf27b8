print("a" < "b", "abc" < "abd", "Z" < "a", "" < "a", "a" < "aa", "10" < "9")
print("a" == "a", "a" ~= "b", ("x"):rep(3) == "xxx")
local t = {"pear", "Apple", "fig", "apple", "Fig"}
table.sort(t)
print(table.concat(t, " "))
print(pcall(function() return {} < {} end))
print(pcall(function() return 1 < "2" end))
