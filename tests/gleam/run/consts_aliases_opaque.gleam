// Constants (inlined, including records and lists), type aliases, an opaque
// type with a smart constructor, multiple subjects in case. Expected output
// derived from Gleam's documented semantics.
import gleam/int
import gleam/io
import gleam/list
import gleam/string

pub type Point =
  #(Int, Int)

pub const origin: Point = #(0, 0)

pub const primes = [2, 3, 5, 7]

pub opaque type Even {
  Even(Int)
}

pub fn even(n: Int) -> Result(Even, String) {
  case n % 2 {
    0 -> Ok(Even(n))
    _ -> Error(int.to_string(n) <> " is odd")
  }
}

fn value(e: Even) -> Int {
  let Even(n) = e
  n
}

fn compare(a: Int, b: Int) -> String {
  case a < b, a == b {
    True, _ -> "less"
    False, True -> "equal"
    False, False -> "greater"
  }
}

pub fn main() {
  io.println(string.inspect(origin))
  io.println(int.to_string(list.fold(primes, 0, int.add)))
  let assert Ok(e) = even(4)
  io.println(int.to_string(value(e)))
  io.println(string.inspect(even(3)))
  io.println(compare(1, 2) <> " " <> compare(2, 2) <> " " <> compare(3, 2))
}
