// An actor holding a stack, with four message variants (Push, Pop with a
// reply, Size with a reply, Clear). Expected output recorded from the
// equivalent Erlang program (a process looping over a list) run by `erl`.
import gleam/erlang/process.{type Subject}
import gleam/int
import gleam/io
import gleam/otp/actor

pub type Message {
  Push(Int)
  Pop(reply_to: Subject(Result(Int, Nil)))
  Size(reply_to: Subject(Int))
  Clear
}

fn handle(stack: List(Int), message: Message) -> actor.Next(List(Int), Message) {
  case message {
    Push(x) -> actor.continue([x, ..stack])
    Pop(reply_to) ->
      case stack {
        [] -> {
          process.send(reply_to, Error(Nil))
          actor.continue([])
        }
        [top, ..rest] -> {
          process.send(reply_to, Ok(top))
          actor.continue(rest)
        }
      }
    Size(reply_to) -> {
      process.send(reply_to, list_length(stack, 0))
      actor.continue(stack)
    }
    Clear -> actor.continue([])
  }
}

fn list_length(l: List(a), acc: Int) -> Int {
  case l {
    [] -> acc
    [_, ..rest] -> list_length(rest, acc + 1)
  }
}

fn show_pop(r: Result(Int, Nil)) -> String {
  case r {
    Ok(x) -> "popped " <> int.to_string(x)
    Error(Nil) -> "empty"
  }
}

pub fn main() {
  let assert Ok(started) =
    actor.new([])
    |> actor.on_message(handle)
    |> actor.start
  let stack = started.data
  process.send(stack, Push(1))
  process.send(stack, Push(2))
  process.send(stack, Push(3))
  io.println("size " <> int.to_string(actor.call(stack, 100, Size)))
  io.println(show_pop(actor.call(stack, 100, Pop)))
  io.println(show_pop(actor.call(stack, 100, Pop)))
  process.send(stack, Clear)
  io.println(show_pop(actor.call(stack, 100, Pop)))
  io.println("size " <> int.to_string(actor.call(stack, 100, Size)))
}
