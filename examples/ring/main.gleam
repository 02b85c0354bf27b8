// A ring of 1000 processes: a token travels round it 100 times, each hop
// adding one, then every process is told to stop. Every link of the ring
// is a typed Subject(Msg).
import gleam/erlang/process.{type Subject}
import gleam/int
import gleam/io

const size = 1000

const rounds = 100

type Msg {
  Token(Int)
  Stop
}

// Spawns a hop that forwards to `next` and returns the hop's own Subject,
// which the hop creates (a Subject belongs to the process that made it).
fn spawn_hop(next: Subject(Msg)) -> Subject(Msg) {
  let handoff = process.new_subject()
  process.spawn(fn() {
    let inbox = process.new_subject()
    process.send(handoff, inbox)
    hop(inbox, next)
  })
  let assert Ok(inbox) = process.receive(handoff, 5000)
  inbox
}

fn build(n: Int, next: Subject(Msg)) -> Subject(Msg) {
  case n {
    0 -> next
    _ -> build(n - 1, spawn_hop(next))
  }
}

fn hop(inbox: Subject(Msg), next: Subject(Msg)) -> Nil {
  case process.receive_forever(inbox) {
    Token(t) -> {
      process.send(next, Token(t + 1))
      hop(inbox, next)
    }
    Stop -> process.send(next, Stop)
  }
}

fn relay(inbox: Subject(Msg), next: Subject(Msg), left: Int) -> Int {
  let assert Ok(Token(t)) = process.receive(inbox, 5000)
  case left {
    1 -> t + 1
    _ -> {
      process.send(next, Token(t + 1))
      relay(inbox, next, left - 1)
    }
  }
}

pub fn main() {
  let inbox = process.new_subject()
  let next = build(size - 1, inbox)
  process.send(next, Token(0))
  let total = relay(inbox, next, rounds)
  io.println(
    "token after "
    <> int.to_string(rounds)
    <> " rounds of "
    <> int.to_string(size)
    <> " processes: "
    <> int.to_string(total),
  )
  process.send(next, Stop)
  let assert Ok(Stop) = process.receive(inbox, 5000)
  io.println("ring stopped")
}
