// A String sent into a Subject that carries Int: a compile error.
import gleam/erlang/process

pub fn main() {
  let inbox = process.new_subject()
  process.send(inbox, 42)
  process.send(inbox, "forty-two")
}
