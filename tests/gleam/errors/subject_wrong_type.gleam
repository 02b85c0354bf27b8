// A String sent into a Subject(Int): the typed mailbox rejects it.
import gleam/erlang/process.{type Subject}

pub fn main() {
  let inbox: Subject(Int) = process.new_subject()
  process.send(inbox, "hello")
}
