//// A string tree is an Erlang iolist: appending is cheap and the text is
//// flattened once at the end.

pub type StringTree

@external(erlang, "gleam_stdlib", "identity")
pub fn from_string(string: String) -> StringTree

@external(erlang, "gleam_stdlib", "identity")
pub fn from_strings(strings: List(String)) -> StringTree

@external(erlang, "gleam_stdlib", "iodata_to_binary")
pub fn to_string(tree: StringTree) -> String

@external(erlang, "gleam_stdlib", "iodata_append")
pub fn append(to tree: StringTree, suffix second: String) -> StringTree

@external(erlang, "gleam_stdlib", "iodata_append")
pub fn append_tree(to tree: StringTree, suffix suffix: StringTree) -> StringTree

pub fn new() -> StringTree {
  from_strings([])
}

pub fn prepend(to tree: StringTree, prefix prefix: String) -> StringTree {
  append_tree(from_string(prefix), tree)
}

pub fn concat(trees: List(StringTree)) -> StringTree {
  join_trees(trees, new())
}

fn join_trees(trees: List(StringTree), acc: StringTree) -> StringTree {
  case trees {
    [] -> acc
    [t, ..rest] -> join_trees(rest, append_tree(acc, t))
  }
}

pub fn byte_size(tree: StringTree) -> Int {
  string_byte_size(to_string(tree))
}

@external(erlang, "erlang", "byte_size")
fn string_byte_size(s: String) -> Int
