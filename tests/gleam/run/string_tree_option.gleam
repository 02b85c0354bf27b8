// gleam/string_tree, gleam/option, gleam/pair, gleam/bool, gleam/order and
// gleam/function. Expected output derived from gleam_stdlib's documented
// behaviour.
import gleam/bool
import gleam/function
import gleam/int
import gleam/io
import gleam/option
import gleam/order
import gleam/pair
import gleam/string_tree

pub fn main() {
  let tree =
    string_tree.new()
    |> string_tree.append("Hello")
    |> string_tree.append(", ")
    |> string_tree.append("world")
  io.println(string_tree.to_string(tree))
  io.println(int.to_string(option.unwrap(option.Some(3), 0) + option.unwrap(option.None, 10)))
  io.println(int.to_string(pair.second(pair.swap(#(1, 2)))))
  io.println(bool.to_string(bool.negate(False)))
  let o = int.compare(1, 2)
  io.println(case order.negate(o) {
    order.Gt -> "Gt"
    order.Eq -> "Eq"
    order.Lt -> "Lt"
  })
  io.println(int.to_string(function.identity(41) + 1))
}
