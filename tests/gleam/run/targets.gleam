// `@target`: definitions for the JavaScript target are left out of Erlang
// code, so a function, a constant and a type may be defined once per
// target under one name; `@target(erlang)` ones are kept, as are those
// with an `@external(javascript, ..)` beside an Erlang body. The
// shorthand `@target(erl)` still works (with a deprecation warning on
// stderr, as the Gleam compiler gives). Expected output: what these
// definitions compute, by Gleam's documented `@target` rule (the
// JavaScript ones are never compiled for Erlang).
import gleam/int
import gleam/io

@target(erlang)
pub fn platform() -> String {
  "erlang"
}

@target(javascript)
pub fn platform() -> String {
  "javascript"
}

@target(javascript)
const greeting = "hello from js"

@target(erlang)
const greeting = "hello from erlang"

@target(javascript)
pub type Handle {
  JsHandle(Int)
}

@target(erl)
pub type Handle {
  ErlangHandle(id: Int)
}

@external(javascript, "./ffi.mjs", "double")
pub fn double(x: Int) -> Int {
  x * 2
}

@target(javascript)
pub fn only_on_javascript() -> Nil {
  this_would_not_type_check_on_erlang
}

pub fn main() -> Nil {
  io.println(platform())
  io.println(greeting)
  let ErlangHandle(id) = ErlangHandle(7)
  io.println("handle " <> int.to_string(id))
  io.println("double " <> int.to_string(double(21)))
}
