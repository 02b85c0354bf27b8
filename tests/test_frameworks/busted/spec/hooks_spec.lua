-- Errors outside tests: in before_each, after_each, setup and a
-- describe body.
describe("broken before_each", function()
  before_each(function()
    error("before_each broke")
  end)

  it("is not run", function()
    assert.is_true(true)
  end)
end)

describe("broken after_each", function()
  after_each(function()
    assert.are.equal(1, 2)
  end)

  it("runs and passes", function()
    assert.is_true(true)
  end)
end)

describe("broken setup", function()
  setup(function()
    error("setup broke")
  end)

  it("is not run either", function() end)
end)

describe("broken body", function()
  it("was registered", function() end)
  error("describe body broke")
end)

describe("fine", function()
  it("still runs", function()
    assert.are.same({}, {})
  end)
end)
