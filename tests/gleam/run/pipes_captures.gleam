// Pipes and function captures: `|>` into local, library and anonymous
// functions, captures with the hole in any position `f(_, 2)`, `f(1, _)`,
// captures of constructors, functions returning functions, and pipes
// into a call that returns a function. Expected output recorded from the
// equivalent Erlang program run by `erl`.
import gleam/int
import gleam/io
import gleam/list
import gleam/string

fn sub(a: Int, b: Int) -> Int {
  a - b
}

fn adder(n: Int) -> fn(Int) -> Int {
  fn(x) { x + n }
}

fn wrap(prefix: String, s: String, suffix: String) -> String {
  prefix <> s <> suffix
}

pub type Box {
  Box(Int)
}

fn unbox(b: Box) -> Int {
  let Box(n) = b
  n
}

pub fn main() {
  10 |> sub(3) |> int.to_string |> io.println
  10 |> sub(3, _) |> int.to_string |> io.println
  10 |> adder(5) |> int.to_string |> io.println
  5 |> adder(1)(_) |> int.to_string |> io.println
  "mid" |> wrap("<", _, ">") |> io.println
  [1, 2, 3]
  |> list.map(sub(_, 1))
  |> list.map(int.to_string)
  |> string.join("")
  |> io.println
  [1, 2, 3]
  |> list.map(sub(10, _))
  |> list.map(Box)
  |> list.map(unbox)
  |> list.fold(0, int.add)
  |> int.to_string
  |> io.println
  let twice = fn(f, x) { f(f(x)) }
  twice(adder(3), 1) |> int.to_string |> io.println
  let compose = fn(f, g) { fn(x) { g(f(x)) } }
  let inc_then_show = compose(adder(1), int.to_string)
  io.println(inc_then_show(41))
  "a,b,c"
  |> string.split(",")
  |> list.reverse
  |> string.join(with: "-")
  |> fn(s) { "[" <> s <> "]" }
  |> io.println
}
