// A failing `let assert` crashes the program (exit 1) with Gleam's error
// value: a map with gleam_error => let_assert, the module, function, line
// and the value that did not match.
import gleam/io

pub fn main() {
  io.println("before")
  let assert Ok(x) = Error("boom")
  io.println(x)
}
