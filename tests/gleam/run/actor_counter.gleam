// A typed actor from gleam/otp/actor: a counter with Increment and Get
// messages, replies through a Subject(Int). Expected output derived from
// gleam_otp's documented behaviour.
import gleam/erlang/process.{type Subject}
import gleam/int
import gleam/io
import gleam/otp/actor

pub type Message {
  Increment(by: Int)
  Get(reply_to: Subject(Int))
  Shutdown
}

fn handle(count: Int, message: Message) -> actor.Next(Int, Message) {
  case message {
    Increment(by) -> actor.continue(count + by)
    Get(reply_to) -> {
      process.send(reply_to, count)
      actor.continue(count)
    }
    Shutdown -> actor.stop()
  }
}

pub fn main() {
  let assert Ok(started) =
    actor.new(0)
    |> actor.on_message(handle)
    |> actor.start
  let counter = started.data
  actor.send(counter, Increment(by: 5))
  actor.send(counter, Increment(10))
  let value = actor.call(counter, waiting: 100, sending: Get)
  io.println("count: " <> int.to_string(value))
  process.send(counter, Shutdown)
  io.println("done")
}
