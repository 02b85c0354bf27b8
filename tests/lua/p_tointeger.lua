print(math.tointeger("8"), math.tointeger("8.0"), math.tointeger("8.5"), math.tointeger("x"), math.tointeger(math.mininteger .. ""))
