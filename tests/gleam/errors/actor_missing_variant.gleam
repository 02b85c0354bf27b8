// An actor handler whose case over its message type forgets a variant.
import gleam/erlang/process.{type Subject}
import gleam/otp/actor

pub type Message {
  Increment
  Decrement
  Get(reply_to: Subject(Int))
}

fn handle(count: Int, message: Message) -> actor.Next(Int, Message) {
  case message {
    Increment -> actor.continue(count + 1)
    Get(reply_to) -> {
      process.send(reply_to, count)
      actor.continue(count)
    }
  }
}

pub fn main() {
  let assert Ok(_) = actor.new(0) |> actor.on_message(handle) |> actor.start
  Nil
}
