print(("a\0b"):find("%z"), ("\0\0x"):find("%Z"), tonumber("  +1Z  ", 36), tonumber("+", 10))
print(ipairs{} == ipairs{}, print == print, function() end == function() end)
