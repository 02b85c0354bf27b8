// Functions as values: closures capturing variables, functions returning
// functions, captures with `_` in any argument position, composition, a
// list of (name, function) pairs applied in turn, fold with an accumulator
// of functions. Expected output recorded from the equivalent Erlang program
// (funs, tests/gleam/oracle/closures.erl) run by `erl`.
import gleam/int
import gleam/io
import gleam/list
import gleam/string

fn adder(n: Int) -> fn(Int) -> Int {
  fn(x) { x + n }
}

fn compose(f: fn(a) -> b, g: fn(b) -> c) -> fn(a) -> c {
  fn(x) { g(f(x)) }
}

fn apply_n(f: fn(a) -> a, n: Int, x: a) -> a {
  case n {
    0 -> x
    _ -> apply_n(f, n - 1, f(x))
  }
}

fn between(low: Int, x: Int, high: Int) -> Bool {
  low <= x && x <= high
}

pub fn main() {
  let add5 = adder(5)
  let times3 = fn(x) { x * 3 }
  io.println(int.to_string(add5(10)))
  io.println(int.to_string(compose(add5, times3)(1)))
  io.println(int.to_string(compose(times3, add5)(1)))
  io.println(int.to_string(apply_n(times3, 4, 1)))
  io.println(apply_n(fn(s) { s <> "!" }, 3, "hey"))
  let in_range = between(10, _, 20)
  io.println(string.inspect(list.filter([5, 10, 15, 25], in_range)))
  let above = between(_, 50, 100)
  io.println(string.inspect(list.map([10, 60], above)))
  let ops = [
    #("double", fn(x) { x * 2 }),
    #("square", fn(x) { x * x }),
    #("negate", int.negate),
    #("plus 7", int.add(_, 7)),
  ]
  list.each(ops, fn(op) {
    let #(name, f) = op
    io.println(name <> ": " <> int.to_string(f(6)))
  })
  let pipeline = list.fold(ops, fn(x) { x }, fn(acc, op) { compose(acc, op.1) })
  io.println("all: " <> int.to_string(pipeline(3)))
  let counter = list.fold([1, 2, 3, 4], [], fn(acc, n) { [fn() { n * 100 }, ..acc] })
  io.println(string.join(list.map(counter, fn(f) { int.to_string(f()) }), ","))
}
