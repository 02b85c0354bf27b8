// `@target` with an unknown target, and given twice: Gleam's parse errors.
@target(python)
pub fn snake() -> Int {
  1
}

@target(erlang)
@target(erlang)
pub fn twice() -> Int {
  2
}

@external(lua, "m", "f")
pub fn moon() -> Int
