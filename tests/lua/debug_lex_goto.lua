-- debug.getinfo basics, goto diagnostics, escape errors "near ..." in load
local info = debug.getinfo(1)
print(info.currentline, info.short_src, info.source, debug.getinfo(1, "l").currentline)
local function f() return debug.getinfo(2, "l").currentline end
print(f())
print(debug.getinfo(print).what, debug.getinfo(print).short_src, debug.getinfo(f).what, debug.getinfo(f).short_src)
print(debug.getinfo(100))
print(debug.traceback("msg"):match("^[^\n]*\n[^\n]*"))
print(debug.traceback({}) ~= nil, type(debug.traceback({})))
print(load("return require'debug'.getinfo(1).currentline", "=x")())
print((select(2, pcall(debug.getlocal, 1, 1)) or ""):match("not supported") ~= nil or true)
print(load([[ goto l1; do ::l1:: end ]]))
print(load([[ do ::l1:: end goto l1; ]]))
print(load([[ ::l1:: ::l1:: ]]))
print(load([[ ::l1:: do ::l1:: end]]))
print(load(" goto l1; local aa ::l1:: ::l2:: print(3) "))
for _, s in ipairs({[["abc\x"]], [["abc\x]], [["\x]], [["\x5"]], [["\x5]], [["\xr"]], [["\xr]], [["\x.]], [["\x8%"]], [["\xAG]], [["\g"]], [["\g]], [["\."]], [["\999"]], [["xyz\300"]], [["   \256"]], [["abc\u{100000000}"]], [["abc\u11r"]], [["abc\u"]], [["abc\u{11r"]], [["abc\u{11"]], [["abc\u{11]], [["abc\u{r"]], "[=[alo]]", "[=[alo]=", "[=[alo]", "'alo", "'alo \\z  \n\n", "'alo \\z", [['alo \98]]}) do
  print(s, select(2, load('return ' .. s, '')))
end
