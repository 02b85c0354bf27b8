// Arbitrary-precision integers as on Erlang: factorials, powers of two and
// Fibonacci numbers past 64 bits, integer division and remainder of big
// and negative numbers, int.to_base16/digits of big values, and
// comparison. Expected output recorded from the equivalent Erlang program
// (tests/gleam/oracle/big_numbers.erl) run by `erl`.
import gleam/int
import gleam/io
import gleam/list

fn factorial(n: Int) -> Int {
  case n {
    0 -> 1
    _ -> n * factorial(n - 1)
  }
}

fn pow(base: Int, exp: Int, acc: Int) -> Int {
  case exp {
    0 -> acc
    _ -> pow(base, exp - 1, acc * base)
  }
}

fn fib(n: Int, a: Int, b: Int) -> Int {
  case n {
    0 -> a
    _ -> fib(n - 1, b, a + b)
  }
}

pub fn main() {
  list.each([20, 21, 30], fn(n) { io.println(int.to_string(factorial(n))) })
  io.println(int.to_string(pow(2, 64, 1)))
  io.println(int.to_string(pow(2, 100, 1) - 1))
  io.println(int.to_string(fib(100, 0, 1)))
  let big = factorial(25)
  io.println(int.to_string(big / 1_000_000_007))
  io.println(int.to_string(big % 1_000_000_007))
  io.println(int.to_string(-big / 7))
  io.println(int.to_string(-big % 7))
  io.println(int.to_base16(pow(2, 70, 1) + 255))
  io.println(int.to_string(list.length(int.digits(big, 10) |> result_list)))
  io.println(case pow(3, 50, 1) > pow(2, 79, 1) {
    True -> "3^50 > 2^79"
    False -> "3^50 <= 2^79"
  })
  io.println(int.to_string(int.absolute_value(-pow(10, 20, 1))))
  io.println(int.to_string(pow(10, 20, 1) |> int.multiply(-3) |> int.add(1)))
}

fn result_list(r: Result(List(Int), Nil)) -> List(Int) {
  case r {
    Ok(l) -> l
    Error(Nil) -> []
  }
}
