-- Each test fails with one kind of assertion (or raises an error).
describe("failing assertions", function()
  it("are.equal", function()
    assert.are.equal(1, 1 + 1)
  end)

  it("equals with a message", function()
    assert.equals("abc", "abd", "strings differ")
  end)

  it("are_not.equal", function()
    assert.are_not.equal(3, 3)
  end)

  it("are.same on nested tables", function()
    assert.are.same({ 1, { x = 1, y = { 2 } } }, { 1, { x = 1, y = { 3 } } })
  end)

  it("are.same on a missing key", function()
    assert.are.same({ a = 1, b = 2 }, { a = 1 })
  end)

  it("are.same on floats", function()
    assert.are.same(0.1 + 0.2, 0.3)
  end)

  it("is_true", function()
    assert.is_true(nil)
  end)

  it("is_false", function()
    assert.is_false(1)
  end)

  it("is_nil", function()
    assert.is_nil("x")
  end)

  it("is_not_nil", function()
    assert.is_not_nil(nil)
  end)

  it("truthy", function()
    assert.truthy(false)
  end)

  it("falsy", function()
    assert.falsy({})
  end)

  it("has_error without an error", function()
    assert.has_error(function() return 1 end)
  end)

  it("has_error with another message", function()
    assert.has_error(function() error("oops") end, "boom")
  end)

  it("has_no.errors", function()
    assert.has_no.errors(function() error("unexpected") end)
  end)

  it("error_matches", function()
    assert.error_matches(function() error("disk full") end, "^network")
  end)

  it("plain assert", function()
    assert(1 == 2)
  end)

  it("plain assert with a message", function()
    assert(false, "custom message")
  end)

  it("spy called", function()
    local s = spy.new(function() end)
    assert.spy(s).was.called()
  end)

  it("spy called n times", function()
    local s = spy.new(function() end)
    s() s()
    assert.spy(s).was.called(3)
  end)

  it("spy not called", function()
    local s = spy.new(function() end)
    s()
    assert.spy(s).was_not.called()
  end)

  it("spy called_with", function()
    local s = spy.new(function() end)
    s(1, "two", { 3 })
    assert.spy(s).was.called_with(1, "two", { 4 })
  end)
end)

describe("errors in tests", function()
  it("indexes nil", function()
    local t
    return t.field
  end)

  it("calls an undefined global", function()
    undefined_function(1)
  end)

  it("raises a string without position", function()
    error("bare message", 0)
  end)

  it("raises a table", function()
    error({ code = 1 })
  end)

  it("passes", function()
    assert.are.equal(2, 2)
  end)
end)
