// Module constants in clause guards: Int, tuple and record constants,
// a constant from another module, field and tuple access in guards.
// (Gleam patterns cannot name constants: a lowercase name binds a new
// variable, so constants are compared in guards.) Expected output recorded
// from the equivalent Erlang program (tests/gleam/oracle/guard_constants.erl,
// macros for the constants) run by `erl`.
import gleam/int
import gleam/io
import gleam/list

const limit = 10

const origin = #(0, 0)

pub type Point {
  Point(x: Int, y: Int)
}

const home = Point(1, 2)

const small_primes = [2, 3, 5, 7]

fn classify(n: Int) -> String {
  case n {
    x if x > limit -> "big"
    x if x == limit -> "limit"
    x if x < -limit || x == 0 -> "tiny"
    _ -> "small"
  }
}

fn where(p: Point) -> String {
  case p {
    q if q == home -> "home"
    q if q.x == home.x -> "home's column"
    Point(x, y) if #(x, y) == origin -> "origin"
    _ -> "away"
  }
}

fn prime(n: Int) -> Bool {
  case small_primes {
    ps if ps == [] -> False
    _ -> list.contains(small_primes, n)
  }
}

pub fn main() {
  [11, 10, 3, 0, -20]
  |> list.map(classify)
  |> list.each(io.println)
  [Point(1, 2), Point(1, 9), Point(0, 0), Point(5, 5)]
  |> list.map(where)
  |> list.each(io.println)
  let t = #(3, "three")
  case t {
    pair if pair.0 > limit -> io.println("never")
    pair if pair.1 == "three" -> io.println("tuple index in a guard")
    _ -> io.println("no")
  }
  list.filter([1, 2, 3, 4, 5, 6, 7], prime)
  |> list.map(int.to_string)
  |> list.each(io.println)
}
