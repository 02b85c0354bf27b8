local Builder = {}
Builder.__index = Builder
function Builder.new() return setmetatable({parts = {}}, Builder) end
function Builder:add(s) self.parts[#self.parts + 1] = s; return self end
function Builder:build(sep) return table.concat(self.parts, sep or "") end
print(Builder.new():add("a"):add("b"):add("c"):build("-"))
local obj = {v = 1}
function obj.get(self) return self.v end
print(obj:get(), obj.get(obj), pcall(obj.get))
