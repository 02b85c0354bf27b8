// Naive doubly recursive Fibonacci: the sequential-speed workload.
import gleam/int
import gleam/io
import gleam/list

fn fib(n: Int) -> Int {
  case n < 2 {
    True -> n
    False -> fib(n - 1) + fib(n - 2)
  }
}

// Big integers come for free on the BEAM: fib(300) by iteration.
fn fast_fib(n: Int, a: Int, b: Int) -> Int {
  case n {
    0 -> a
    _ -> fast_fib(n - 1, b, a + b)
  }
}

pub fn main() {
  list.each([0, 1, 2, 10, 20, 25], fn(n) {
    io.println("fib(" <> int.to_string(n) <> ") = " <> int.to_string(fib(n)))
  })
  io.println("fib(300) = " <> int.to_string(fast_fib(300, 0, 1)))
}
