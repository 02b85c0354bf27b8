-- string.pack / unpack / packsize, and string.format's checks of specs
local pack, unpack, packsize = string.pack, string.unpack, string.packsize
local function hex(s) return (s:gsub(".", function(c) return string.format("%02x", c:byte()) end)) end
print(packsize("i"), packsize("j"), packsize("d"), packsize("!xXi16"), packsize("<i3"))
print(hex(pack("<i4", 100)), hex(pack(">i4", -2)), hex(pack("b", -1)), hex(pack("<I3", 0xabcdef)))
print(unpack("<i4", pack("<i4", -123456)), unpack(">h", "\255\254"))
print(hex(pack("<i16", -1)), unpack("<i16", pack("<i16", -7)))
print(hex(pack("z", "ab")), hex(pack("s1", "xyz")), hex(pack("c5", "ab")))
print(unpack("z s1 c2", pack("z s1 c2", "hi", "there", "ok")))
print(hex(pack("<d", 1.5)), unpack("<d", pack("<d", -0.25)), unpack("f", pack("f", 0.5)))
print(hex(pack("!4 i1 i4", 1, 2)), packsize("!8 b d"), packsize("!2 b h"))
print(unpack("i2", pack("i2i2", 7, 8), 3))
print(unpack("<j", pack("<j", math.mininteger)) == math.mininteger)
for _, case in ipairs({
  { pack, "i0", 0 }, { pack, "i17", 0 }, { pack, "!17", 0 }, { pack, "i3r", 0 },
  { unpack, "i16", string.rep("\3", 16) }, { pack, "!4i3", 0 }, { pack, "c", "" },
  { packsize, "s" }, { packsize, "z" }, { pack, "b", 200 }, { pack, "B", -1 },
  { pack, "z", "a\0b" }, { pack, "s1", string.rep("x", 300) }, { pack, "c2", "abc" },
  { unpack, "c5", "abcd" }, { unpack, "z", "abc" }, { pack, "X" }, { unpack, "i", "", 5 },
  { pack, "i", "x" }, { pack, "d", {} },
}) do
  -- (the function's name in "bad argument" messages differs under pcall)
  local ok, msg = pcall(table.unpack(case))
  print(ok, (tostring(msg):gsub("to '[^']*'", "to '?'")))
end
-- format specs
print(string.format("%.u|%5.2s|%-6d|%+.3d|%#x|%5s|%%", 0, "abc", 42, 7, 255, "x"))
print(string.format("%p", 1), string.format("%10p", false))
print(string.format("%p", {}) ~= "(null)", string.format("%p", print) == string.format("%p", print))
for _, f in ipairs({ "%100.3d", "%1.100d", "%t", "%010c", "%.10c", "%0.34s", "%#i",
                     "%3.1p", "%0.s", "%10q", "%F", "%d %d", "%" .. string.rep("0", 30) .. "d" }) do
  local ok, msg = pcall(string.format, f, 10)
  print(f:sub(1, 12), ok, (msg:gsub("to '[^']*'", "to '?'")))
end
print(select(2, pcall(string.format, "%10s", "a\0b")):gsub("to '[^']*'", "to '?'"))
io.stderr:write("")
print(io.stdout:write("") == io.stdout, io.stderr ~= nil, io.stdin ~= nil)
