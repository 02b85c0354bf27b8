-- An error while the file itself runs.
describe("never run", function()
  it("is registered", function() end)
end)

local x = nil
print(x.y)
