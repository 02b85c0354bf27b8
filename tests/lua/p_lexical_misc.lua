local a = 0x.8p1
print(a, 0xA.8p0, 1e2, .5e1, 3e-2)
print(0x7fffffffffffffff + 1 == math.mininteger, 0xffffffffffffffff)
print("tab\tend", "bell\\a", '\'', "\"", #"\z
   continued")
-- comment
--[[ long
comment ]] print("after long comment")
--[==[ another ]==] print(1 --[[inline]] + 1)
print(#[[
skip first newline]])
