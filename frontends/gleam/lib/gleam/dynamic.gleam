//// Values of unknown type, as they come from Erlang: the names and types
//// of gleam_stdlib's gleam/dynamic, written for this toolchain. Decoding
//// lives in gleam/dynamic/decode.

import gleam/dict

pub type Dynamic

/// The kind of value, as gleam/dynamic/decode names it in errors: "Int",
/// "Float", "String", "BitArray", "Bool", "Nil", "List", "Dict", "Array"
/// (a tuple), "Atom", "Pid", "Reference", "Function", ...
@external(erlang, "gleam_stdlib", "classify_dynamic")
pub fn classify(data: Dynamic) -> String

@external(erlang, "gleam_stdlib", "identity")
pub fn bool(a: Bool) -> Dynamic

@external(erlang, "gleam_stdlib", "identity")
pub fn string(a: String) -> Dynamic

@external(erlang, "gleam_stdlib", "identity")
pub fn float(a: Float) -> Dynamic

@external(erlang, "gleam_stdlib", "identity")
pub fn int(a: Int) -> Dynamic

@external(erlang, "gleam_stdlib", "identity")
pub fn bit_array(a: BitArray) -> Dynamic

@external(erlang, "gleam_stdlib", "identity")
pub fn list(a: List(Dynamic)) -> Dynamic

/// On Erlang an array is a tuple.
@external(erlang, "erlang", "list_to_tuple")
pub fn array(a: List(Dynamic)) -> Dynamic

/// A dict (an Erlang map) of the given entries.
pub fn properties(entries: List(#(Dynamic, Dynamic))) -> Dynamic {
  from(dict.from_list(entries))
}

pub fn nil() -> Dynamic {
  from(Nil)
}

/// Any value as a Dynamic. (gleam_stdlib has deprecated and removed its
/// public `from`; kept here because older programs use it.)
@external(erlang, "gleam_stdlib", "identity")
pub fn from(a: anything) -> Dynamic
