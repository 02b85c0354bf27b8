// An actor started with actor.new_with_initialiser: the initialiser runs
// in the actor's process, builds a selector over two subjects (commands
// and a second subject of another type mapped into the message type),
// returns a custom value to the starter with actor.returning, and a named
// actor is reached through its name. Expected output recorded from the
// equivalent Erlang program (tests/gleam/oracle/actor_initialiser.erl)
// run by `erl`.
import gleam/erlang/process.{type Subject}
import gleam/int
import gleam/io
import gleam/list
import gleam/otp/actor

pub type Message {
  Record(String)
  Tick(Int)
  Dump(reply_to: Subject(List(String)))
}

pub type Handles {
  Handles(commands: Subject(Message), ticks: Subject(Int))
}

fn start() -> Result(actor.Started(Handles), actor.StartError) {
  actor.new_with_initialiser(1000, fn(commands) {
    let ticks = process.new_subject()
    let selector =
      process.new_selector()
      |> process.select(commands)
      |> process.select_map(ticks, Tick)
    io.println("initialising")
    actor.initialised(["started"])
    |> actor.selecting(selector)
    |> actor.returning(Handles(commands:, ticks:))
    |> Ok
  })
  |> actor.on_message(fn(log, message) {
    case message {
      Record(text) -> actor.continue([text, ..log])
      Tick(n) -> actor.continue(["tick " <> int.to_string(n), ..log])
      Dump(reply_to) -> {
        process.send(reply_to, list.reverse(log))
        actor.continue(log)
      }
    }
  })
  |> actor.start
}

pub fn main() {
  let assert Ok(actor.Started(data: Handles(commands:, ticks:), ..)) = start()
  io.println("started")
  process.send(commands, Record("a"))
  process.send(ticks, 1)
  process.send(commands, Record("b"))
  process.send(ticks, 2)
  let log = actor.call(commands, 1000, Dump)
  list.each(log, io.println)

  // A failing initialiser is an InitFailed error.
  let failed =
    actor.new_with_initialiser(1000, fn(_) { Error("no database") })
    |> actor.start
  case failed {
    Error(actor.InitFailed(reason)) -> io.println("init failed: " <> reason)
    _ -> io.println("unexpected")
  }

  // A named actor.
  let name = process.new_name(prefix: "logger")
  let assert Ok(_) =
    actor.new([])
    |> actor.named(name)
    |> actor.on_message(fn(log, message) {
      case message {
        Record(text) -> actor.continue([text, ..log])
        Tick(_) -> actor.continue(log)
        Dump(reply_to) -> {
          process.send(reply_to, log)
          actor.continue(log)
        }
      }
    })
    |> actor.start
  let by_name = process.named_subject(name)
  process.send(by_name, Record("x"))
  process.send(by_name, Record("y"))
  io.println(int.to_string(list.length(actor.call(by_name, 1000, Dump))) <> " records by name")
}
