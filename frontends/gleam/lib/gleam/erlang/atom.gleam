//// Erlang atoms.

import gleam/dynamic
import gleam/dynamic/decode

pub type Atom

/// The atom with this name, if one exists already (atoms are never
/// collected, so this does not create one).
@external(erlang, "gleam_erlang_ffi", "atom_from_string")
pub fn get(a: String) -> Result(Atom, Nil)

@external(erlang, "erlang", "binary_to_atom")
pub fn create(a: String) -> Atom

@external(erlang, "erlang", "atom_to_binary")
pub fn to_string(a: Atom) -> String

@external(erlang, "gleam_erlang_ffi", "identity")
pub fn to_dynamic(a: Atom) -> dynamic.Dynamic

/// The value as an atom, unchecked.
@external(erlang, "gleam_erlang_ffi", "identity")
pub fn cast_from_dynamic(a: dynamic.Dynamic) -> Atom

/// Decodes an atom.
pub fn decoder() -> decode.Decoder(Atom) {
  decode.new_primitive_decoder("Atom", fn(data) {
    case is_atom(data) {
      True -> Ok(cast_from_dynamic(data))
      False -> Error(create("nil"))
    }
  })
}

@external(erlang, "erlang", "is_atom")
fn is_atom(data: dynamic.Dynamic) -> Bool
