// Sending a message of the wrong type to an actor: the subject returned by
// actor.start is a Subject(Message), so a String is a type error at the
// argument, naming both types.
import gleam/otp/actor

pub type Message {
  Increment
  Reset
}

fn handle(count: Int, message: Message) -> actor.Next(Int, Message) {
  case message {
    Increment -> actor.continue(count + 1)
    Reset -> actor.continue(0)
  }
}

pub fn main() {
  let assert Ok(started) =
    actor.new(0)
    |> actor.on_message(handle)
    |> actor.start
  actor.send(started.data, Increment)
  actor.send(started.data, "reset")
}
