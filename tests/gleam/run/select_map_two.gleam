// A selector over two subjects of different message types, each mapped
// into one Event type with select_map, plus a timeout. Expected output
// recorded from the equivalent Erlang program (a receive over two tagged
// message shapes with an `after`) run by `erl`.
import gleam/erlang/process
import gleam/int
import gleam/io

pub type Event {
  Number(Int)
  Word(String)
}

fn describe(e: Result(Event, Nil)) -> String {
  case e {
    Ok(Number(n)) -> "number " <> int.to_string(n)
    Ok(Word(w)) -> "word " <> w
    Error(Nil) -> "timeout"
  }
}

pub fn main() {
  let ints = process.new_subject()
  let strings = process.new_subject()
  let selector =
    process.new_selector()
    |> process.select_map(ints, fn(n) { Number(n * 10) })
    |> process.select_map(strings, Word)
  process.send(strings, "hello")
  process.send(ints, 4)
  process.send(strings, "world")
  io.println(describe(process.selector_receive(selector, 50)))
  io.println(describe(process.selector_receive(selector, 50)))
  io.println(describe(process.selector_receive(selector, 50)))
  io.println(describe(process.selector_receive(selector, 50)))
  // A message on a subject the selector does not watch stays queued.
  let other = process.new_subject()
  process.send(other, 99)
  io.println(describe(process.selector_receive(selector, 10)))
  let assert Ok(n) = process.receive(other, 10)
  io.println("other " <> int.to_string(n))
}
