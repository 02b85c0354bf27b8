local Base = {}
Base.__index = Base
function Base.new(x) local o = setmetatable({}, Base); o.x = x; return o end
function Base:describe() return "Base(" .. self.x .. ")" end
function Base:double() return self.x * 2 end
local Derived = setmetatable({}, {__index = Base})
Derived.__index = Derived
function Derived.new(x, y) local o = Base.new(x); o.y = y; return setmetatable(o, Derived) end
function Derived:describe() return "Derived(" .. self.x .. "," .. self.y .. ") < " .. Base.describe(self) end
local objs = {Base.new(1), Derived.new(2, 3)}
for _, o in ipairs(objs) do print(o:describe(), o:double()) end
