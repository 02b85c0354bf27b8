// Unknown variable, module value and module, each with a suggestion where
// one is close.
import gleam/io
import gleam/list

pub fn main() {
  let count = 1
  io.println(int_to_string(cuont))
  io.printn("x")
  lists.map([], fn(x) { x })
  list.length([])
}
