// List patterns (exact length, prefix with rest), list functions, captures
// and labelled arguments of gleam/list. Expected output derived from
// gleam_stdlib's documented behaviour.
import gleam/int
import gleam/io
import gleam/list
import gleam/string

fn describe(l: List(Int)) -> String {
  case l {
    [] -> "empty"
    [x] -> "one: " <> int.to_string(x)
    [x, y] -> "two: " <> int.to_string(x + y)
    [x, _, ..rest] -> "many, first " <> int.to_string(x) <> ", " <> int.to_string(list.length(rest)) <> " more"
  }
}

pub fn main() {
  list.each([[], [1], [1, 2], [1, 2, 3, 4]], fn(l) { io.println(describe(l)) })
  io.println(string.inspect(list.zip([1, 2, 3], ["a", "b", "c"])))
  io.println(string.inspect(list.take([1, 2, 3, 4], 2)))
  io.println(string.inspect(list.reverse(list.range(1, 4))))
  io.println(string.inspect(list.sort([3, 1, 2], by: int.compare)))
  io.println(string.inspect(list.find([1, 2, 3], one_that: fn(x) { x > 1 })))
  io.println(string.inspect(list.fold(over: [1, 2, 3], from: 0, with: fn(a, x) { a + x })))
  io.println(string.inspect(list.flatten([[1], [2, 3], []])))
  io.println(string.inspect(list.unique([1, 1, 2, 1, 3])))
  io.println(string.inspect(list.partition([1, 2, 3, 4], int.is_even)))
}
