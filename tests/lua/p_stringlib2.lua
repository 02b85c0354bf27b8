print(("%d items"):format(3), ("abc"):upper())
print(string.byte("ABC", 1, -1))
print(("hello"):find("l"), ("hello"):match("h(.)l"))
print(#string.rep("ab", 1000), string.rep("x", 3, ","))
print(tostring(12):rep(2), ("x"):byte())
local s = "The quick brown fox"
local words = {}
for w in s:gmatch("%S+") do words[#words + 1] = w:lower() end
print(#words, table.concat(words, "_"))
print(s:gsub("%s", ""), (s:gsub("%w+", "%0!")))
print(("abc"):sub(2, 2), ("abc"):sub(-1, -1), ("abc"):sub(4))
print(string.len("\0\1\2"), #"\u{48}\u{49}", "\65\066\x43", "a\z
      b")
print([[long
string]], [==[with ]] inside]==])
