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

pub fn prepend_tree(to tree: StringTree, prefix prefix: StringTree) -> StringTree {
  append_tree(prefix, tree)
}

/// The trees with `sep` between each two.
pub fn join(trees: List(StringTree), with sep: String) -> StringTree {
  case trees {
    [] -> new()
    [first, ..rest] -> join_loop(rest, from_string(sep), first)
  }
}

fn join_loop(trees: List(StringTree), sep: StringTree, acc: StringTree) -> StringTree {
  case trees {
    [] -> acc
    [t, ..rest] -> join_loop(rest, sep, append_tree(append_tree(acc, sep), t))
  }
}

@external(erlang, "string", "lowercase")
pub fn lowercase(tree: StringTree) -> StringTree

@external(erlang, "string", "uppercase")
pub fn uppercase(tree: StringTree) -> StringTree

/// The text reversed grapheme by grapheme.
@external(erlang, "gleam_stdlib", "string_reverse_tree")
pub fn reverse(tree: StringTree) -> StringTree

/// The pieces between each occurrence of `pattern`.
@external(erlang, "gleam_stdlib", "string_tree_split")
pub fn split(tree: StringTree, on pattern: String) -> List(StringTree)

@external(erlang, "gleam_stdlib", "string_tree_replace")
pub fn replace(
  in tree: StringTree,
  each pattern: String,
  with substitute: String,
) -> StringTree

/// Whether the two trees hold the same text.
pub fn is_equal(a: StringTree, b: StringTree) -> Bool {
  to_string(a) == to_string(b)
}

pub fn is_empty(tree: StringTree) -> Bool {
  to_string(tree) == ""
}
