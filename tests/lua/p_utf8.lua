local s = "héllo wörld"
print(#s, utf8.len(s))
for p, c in utf8.codes("aé€") do io.write(p, ":", c, " ") end
print()
print(utf8.char(72, 233, 8364, 128512))
print(utf8.codepoint("héllo", 1, -1))
print(utf8.offset("aé€b", 3), utf8.offset("aé€b", -1))
print(utf8.len("\xff"), #utf8.charpattern)
