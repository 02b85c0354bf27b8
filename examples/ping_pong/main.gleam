// Two processes bat a counter back and forth through typed Subjects; the
// first rounds are traced, then 100,000 silent round trips.
import gleam/erlang/process.{type Subject}
import gleam/int
import gleam/io

type PongMsg {
  Ping(reply_to: Subject(Int), n: Int)
  Stop
}

fn pong(inbox: Subject(PongMsg), done: Subject(Nil)) -> Nil {
  case process.receive_forever(inbox) {
    Ping(reply_to, n) -> {
      process.send(reply_to, n)
      pong(inbox, done)
    }
    Stop -> {
      io.println("pong stopping")
      process.send(done, Nil)
    }
  }
}

fn ping(pong: Subject(PongMsg), me: Subject(Int), n: Int, trace: Bool) -> Nil {
  case n {
    0 -> Nil
    _ -> {
      process.send(pong, Ping(me, n))
      let assert Ok(m) = process.receive(me, 1000)
      case trace {
        True -> io.println("ping got pong " <> int.to_string(m))
        False -> Nil
      }
      ping(pong, me, n - 1, trace)
    }
  }
}

pub fn main() {
  let me = process.new_subject()
  let done = process.new_subject()
  // The Subject is created inside the new process, which owns it, and
  // handed back to us.
  let handoff = process.new_subject()
  process.spawn(fn() {
    let inbox = process.new_subject()
    process.send(handoff, inbox)
    pong(inbox, done)
  })
  let assert Ok(pong_inbox) = process.receive(handoff, 1000)
  ping(pong_inbox, me, 3, True)
  ping(pong_inbox, me, 100_000, False)
  process.send(pong_inbox, Stop)
  let assert Ok(Nil) = process.receive(done, 1000)
  io.println("done")
}
