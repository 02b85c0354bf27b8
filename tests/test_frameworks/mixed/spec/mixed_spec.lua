-- The Lua part of the mixed run: busted, two passing tests and a failing
-- one.
describe("tables", function()
  it("sums", function()
    local sum = 0
    for _, x in ipairs({1, 2, 3}) do sum = sum + x end
    assert.are.equal(6, sum)
  end)

  it("reverses", function()
    local t, r = {"a", "b", "c"}, {}
    for i = #t, 1, -1 do r[#r + 1] = t[i] end
    assert.are.same({"c", "b", "a"}, r)
  end)

  it("fails", function()
    assert.are.equal(3, #{"a", "b"})
  end)
end)
