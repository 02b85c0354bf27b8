print(0/0 ~= 0/0, (0/0) == (0/0))
local x = 0/0; print(x ~= x, x == x)
print(string.byte("hi", -3), select('#', string.byte("hi", -3)))
print(string.byte("hello", -10, 2), string.byte("hello", 10))
for p, c in utf8.codes("a\u{7FFFFFFF}b", true) do io.write(p, ":", c, " ") end
print()
print(pcall(function() for p, c in utf8.codes("a\u{7FFFFFFF}") do end end))
