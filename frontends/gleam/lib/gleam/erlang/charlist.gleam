//// Erlang's strings as lists of code points.

pub type Charlist

@external(erlang, "unicode", "characters_to_binary")
pub fn to_string(a: Charlist) -> String

@external(erlang, "unicode", "characters_to_list")
pub fn from_string(a: String) -> Charlist
