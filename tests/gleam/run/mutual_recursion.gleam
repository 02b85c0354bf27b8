// Mutually recursive top-level functions generalised together, and a
// polymorphic function used at two types. Expected output derived from
// Gleam's documented semantics.
import gleam/io
import gleam/string

fn is_even(n: Int) -> Bool {
  case n {
    0 -> True
    _ -> is_odd(n - 1)
  }
}

fn is_odd(n: Int) -> Bool {
  case n {
    0 -> False
    _ -> is_even(n - 1)
  }
}

fn pair_with(x, y) {
  #(x, y)
}

pub fn main() {
  io.println(string.inspect(#(is_even(10), is_odd(7), is_even(3))))
  io.println(string.inspect(pair_with(1, "one")))
  io.println(string.inspect(pair_with([1.5], Nil)))
}
