-- Lua's own assert without a message
print("checking")
assert(1 > 2)
