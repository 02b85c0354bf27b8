// A parallel map: one process per element, each answering on its own
// Subject, results collected in the original order.
import gleam/erlang/process
import gleam/int
import gleam/io
import gleam/list
import gleam/string

fn pmap(xs: List(a), f: fn(a) -> b) -> List(b) {
  xs
  |> list.map(fn(x) {
    let reply = process.new_subject()
    process.spawn(fn() { process.send(reply, f(x)) })
    reply
  })
  |> list.map(fn(reply) {
    let assert Ok(y) = process.receive(reply, 5000)
    y
  })
}

// Steps for the Collatz sequence from n to reach 1.
fn collatz(n: Int) -> Int {
  case n {
    1 -> 0
    _ ->
      case n % 2 {
        0 -> 1 + collatz(n / 2)
        _ -> 1 + collatz(3 * n + 1)
      }
  }
}

fn ints(xs: List(Int)) -> String {
  "[" <> string.join(list.map(xs, int.to_string), ",") <> "]"
}

pub fn main() {
  let ns = list.range(1, 2_000)
  let steps = pmap(ns, collatz)
  io.println("first ten: " <> ints(list.take(steps, 10)))
  io.println("total steps: " <> int.to_string(int.sum(steps)))
  let assert Ok(#(max, at)) =
    list.zip(steps, ns)
    |> list.reduce(fn(a, b) {
      case a.0 > b.0 || a.0 == b.0 && a.1 > b.1 {
        True -> a
        False -> b
      }
    })
  io.println(
    "longest: " <> int.to_string(max) <> " steps from " <> int.to_string(at),
  )
  let squares = pmap(list.range(1, 5), fn(x) { x * x })
  io.println(
    "squares: " <> ints(squares) <> ", sum " <> int.to_string(int.sum(squares)),
  )
}
