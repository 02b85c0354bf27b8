//// A bytes tree is an Erlang iolist of binaries: appending and prepending
//// are cheap, and the bytes are joined once by `to_bit_array`.

import gleam/bit_array
import gleam/string_tree.{type StringTree}

pub type BytesTree

/// An empty tree.
pub fn new() -> BytesTree {
  concat([])
}

pub fn prepend(to second: BytesTree, prefix first: BitArray) -> BytesTree {
  append_tree(from_bit_array(first), second)
}

pub fn append(to first: BytesTree, suffix second: BitArray) -> BytesTree {
  append_tree(first, from_bit_array(second))
}

pub fn prepend_tree(to second: BytesTree, prefix first: BytesTree) -> BytesTree {
  append_tree(first, second)
}

@external(erlang, "gleam_stdlib", "iodata_append")
pub fn append_tree(to first: BytesTree, suffix second: BytesTree) -> BytesTree

pub fn prepend_string(to second: BytesTree, prefix first: String) -> BytesTree {
  append_tree(from_string(first), second)
}

pub fn append_string(to first: BytesTree, suffix second: String) -> BytesTree {
  append_tree(first, from_string(second))
}

/// The trees one after the other.
@external(erlang, "gleam_stdlib", "identity")
pub fn concat(trees: List(BytesTree)) -> BytesTree

pub fn concat_bit_arrays(bits: List(BitArray)) -> BytesTree {
  concat(map(bits, from_bit_array))
}

fn map(list: List(a), f: fn(a) -> b) -> List(b) {
  case list {
    [] -> []
    [x, ..rest] -> [f(x), ..map(rest, f)]
  }
}

@external(erlang, "gleam_stdlib", "wrap_list")
pub fn from_string(string: String) -> BytesTree

@external(erlang, "gleam_stdlib", "wrap_list")
pub fn from_string_tree(tree: StringTree) -> BytesTree

/// A tree of the bits, padded with zero bits to whole bytes.
pub fn from_bit_array(bits: BitArray) -> BytesTree {
  wrap_bits(bit_array.pad_to_bytes(bits))
}

@external(erlang, "gleam_stdlib", "wrap_list")
fn wrap_bits(bits: BitArray) -> BytesTree

@external(erlang, "erlang", "list_to_bitstring")
pub fn to_bit_array(tree: BytesTree) -> BitArray

@external(erlang, "erlang", "iolist_size")
pub fn byte_size(tree: BytesTree) -> Int
