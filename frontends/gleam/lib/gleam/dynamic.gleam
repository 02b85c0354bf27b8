//// Values of unknown type, as they come from Erlang.

pub type Dynamic

@external(erlang, "gleam_stdlib", "identity")
pub fn from(a: anything) -> Dynamic

@external(erlang, "gleam_stdlib", "identity")
pub fn string(a: String) -> Dynamic

@external(erlang, "gleam_stdlib", "identity")
pub fn int(a: Int) -> Dynamic

@external(erlang, "gleam_stdlib", "identity")
pub fn float(a: Float) -> Dynamic

@external(erlang, "gleam_stdlib", "identity")
pub fn bool(a: Bool) -> Dynamic

pub fn nil() -> Dynamic {
  from(Nil)
}

@external(erlang, "gleam_stdlib", "inspect")
pub fn classify(data: Dynamic) -> String
