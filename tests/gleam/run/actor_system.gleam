// An actor answers the `sys` system messages through `gleam/otp/system`:
// its state read from outside, suspended (messages wait in its mailbox,
// the state can still be read), then resumed (the waiting message is
// handled). Expected output recorded from the equivalent Erlang program
// (a gen_server and sys, tests/gleam/oracle/actor_system.erl) run by `erl`.
import gleam/erlang/process
import gleam/int
import gleam/io
import gleam/otp/actor
import gleam/otp/system
import gleam/string

pub type Msg {
  Add(Int)
  Get(process.Subject(Int))
}

fn handle(state: Int, msg: Msg) -> actor.Next(Int, Msg) {
  case msg {
    Add(n) -> actor.continue(state + n)
    Get(reply) -> {
      process.send(reply, state)
      actor.continue(state)
    }
  }
}

pub fn main() -> Nil {
  let assert Ok(started) =
    actor.new(0)
    |> actor.on_message(handle)
    |> actor.start
  let counter = started.data
  process.send(counter, Add(5))
  io.println("state " <> string.inspect(system.get_state(started.pid)))
  system.suspend(started.pid)
  process.send(counter, Add(10))
  io.println("suspended " <> string.inspect(system.get_state(started.pid)))
  system.resume(started.pid)
  io.println("resumed " <> int.to_string(actor.call(counter, 100, Get)))
}
