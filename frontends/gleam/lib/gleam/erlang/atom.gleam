pub type Atom

@external(erlang, "erlang", "binary_to_atom")
pub fn create(a: String) -> Atom

@external(erlang, "erlang", "atom_to_binary")
pub fn to_string(a: Atom) -> String
