// Selectors: one receive over two subjects of different message types,
// mapped into one payload type. Expected output derived from gleam_erlang's
// documented behaviour.
import gleam/erlang/process
import gleam/int
import gleam/io

pub type Event {
  Number(Int)
  Word(String)
}

pub fn main() {
  let numbers = process.new_subject()
  let words = process.new_subject()
  process.send(words, "hello")
  process.send(numbers, 42)
  let selector =
    process.new_selector()
    |> process.select_map(numbers, Number)
    |> process.select_map(words, Word)
  let show = fn(e) {
    case e {
      Ok(Number(n)) -> "number " <> int.to_string(n)
      Ok(Word(w)) -> "word " <> w
      Error(Nil) -> "timeout"
    }
  }
  io.println(show(process.selector_receive(selector, 100)))
  io.println(show(process.selector_receive(selector, 100)))
  io.println(show(process.selector_receive(selector, 10)))
}
