local buf = {}
for i = 1, 10 do buf[#buf + 1] = string.format("%02d", i) end
print(table.concat(buf, "|"))
local s = ""
for i = 1, 5 do s = s .. i .. (i < 5 and "," or "") end
print(s, #s)
print(("x"):rep(3, "ab"), ("-"):rep(10))
local lines = {}
for line in ("a\nbb\n\nccc"):gmatch("([^\n]*)\n?") do lines[#lines + 1] = "<" .. line .. ">" end
print(table.concat(lines))
