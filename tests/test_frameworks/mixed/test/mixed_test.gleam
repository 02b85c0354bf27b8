//// The Gleam part of the mixed run: gleeunit, two passing tests and a
//// failing one.

import gleam/list
import gleeunit
import gleeunit/should

pub fn main() -> Nil {
  gleeunit.main()
}

pub fn sum_test() {
  list.fold([1, 2, 3], 0, fn(acc, x) { acc + x })
  |> should.equal(6)
}

pub fn reverse_test() {
  list.reverse(["a", "b", "c"])
  |> should.equal(["c", "b", "a"])
}

pub fn fails_test() {
  list.length(["a", "b"])
  |> should.equal(3)
}
