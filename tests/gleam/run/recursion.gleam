// Recursion: tail-recursive factorial with a big result, naive Fibonacci,
// Ackermann, Towers of Hanoi move count, GCD, and a deep tail loop.
// Expected output recorded from the equivalent Erlang program run by
// `erl`.
import gleam/int
import gleam/io

fn fact(n: Int, acc: Int) -> Int {
  case n {
    0 -> acc
    _ -> fact(n - 1, acc * n)
  }
}

fn fib(n: Int) -> Int {
  case n < 2 {
    True -> n
    False -> fib(n - 1) + fib(n - 2)
  }
}

fn ack(m: Int, n: Int) -> Int {
  case m, n {
    0, _ -> n + 1
    _, 0 -> ack(m - 1, 1)
    _, _ -> ack(m - 1, ack(m, n - 1))
  }
}

fn hanoi(n: Int, from: String, to: String, via: String) -> Int {
  case n {
    0 -> 0
    _ -> hanoi(n - 1, from, via, to) + 1 + hanoi(n - 1, via, to, from)
  }
}

fn gcd(a: Int, b: Int) -> Int {
  case b {
    0 -> a
    _ -> gcd(b, a % b)
  }
}

fn count_down(n: Int, acc: Int) -> Int {
  case n {
    0 -> acc
    _ -> count_down(n - 1, acc + 1)
  }
}

pub fn main() {
  io.println(int.to_string(fact(25, 1)))
  io.println(int.to_string(fib(20)))
  io.println(int.to_string(ack(2, 3)))
  io.println(int.to_string(hanoi(10, "a", "c", "b")))
  io.println(int.to_string(gcd(1071, 462)))
  io.println(int.to_string(count_down(1_000_000, 0)))
}
