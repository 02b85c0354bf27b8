-- Everything here passes.
local calc = require("calc")

describe("calc", function()
  local log

  setup(function() log = {} end)
  teardown(function() log = nil end)

  before_each(function() log[#log + 1] = "before" end)
  after_each(function() log[#log + 1] = "after" end)

  it("adds integers and floats", function()
    assert.are.equal(5, calc.add(2, 3))
    assert.are_equal(2.5, calc.add(1, 1.5))
    assert.equals(math.type(calc.add(1, 2)), "integer")
    assert.are_not.equal(5, calc.add(2, 2))
  end)

  it("divides", function()
    assert.is_true(calc.div(1, 2) == 0.5)
    assert.is_false(calc.div(4, 2) == 3)
    assert.has_error(function() calc.div(1, 0) end, "division by zero")
    assert.has_error(function() calc.div(1, 0) end)
    assert.error_matches(function() calc.div(1, 0) end, "by zero$")
    assert.has_no.errors(function() calc.div(1, 1) end)
  end)

  it("reports bad input with a table", function()
    assert.has_error(function() calc.parse("x") end, { code = 22, input = "x" })
  end)

  it("compares tables deeply", function()
    assert.are.same({ 1, 2, { a = "x", b = { true } } }, { 1, 2, { a = "x", b = { true } } })
    assert.are_not.same({ 1 }, { 2 })
    assert.same("s", "s")
  end)

  it("checks nil, truthy and falsy", function()
    assert.is_nil(nil)
    assert.is_not_nil(0)
    assert.truthy(0)
    assert.falsy(nil)
    assert.falsy(false)
    assert(true, "plain assert passes")
  end)

  it("ran the hooks", function()
    -- two earlier tests ran before_each and after_each each; this one
    -- ran before_each
    assert.are.same("before", log[#log])
    assert.is_true(#log >= 2)
  end)

  describe("with spies", function()
    it("spy.new records calls", function()
      local s = spy.new(function(a, b) return a + b end)
      assert.are.equal(3, s(1, 2))
      s(10, 20)
      assert.spy(s).was.called()
      assert.spy(s).was.called(2)
      assert.spy(s).was.called_with(1, 2)
      assert.spy(s).was_not.called_with(2, 2)
    end)

    it("spy.on wraps a table's function", function()
      local t = { f = function(x) return x * 2 end }
      local s = spy.on(t, "f")
      assert.are.equal(8, t.f(4))
      calc.each({ 10, 20 }, t.f)
      assert.spy(s).was.called(3)
      assert.spy(t.f).was.called_with(2, 20)
      s:revert()
      assert.is_false(spy.is_spy(t.f))
    end)

    it("a spy never called", function()
      local s = spy.new(function() end)
      assert.spy(s).was_not.called()
      assert.spy(s).was.called(0)
    end)
  end)

  pending("handles overflow")
end)

describe("pending inside a test", function()
  it("is counted as pending", function()
    pending("waiting for calc.mul")
    error("not reached")
  end)
end)
