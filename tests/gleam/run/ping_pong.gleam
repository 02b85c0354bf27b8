// Two processes exchanging messages through typed subjects: the ponger
// creates its subject and hands it back through a startup subject, the
// pinger counts rounds; selectors wait on two subjects at once and a
// receive with a timeout gives Error(Nil). Expected output recorded from
// the equivalent Erlang program (tests/gleam/oracle/ping_pong.erl) run by
// `erl`.
import gleam/erlang/process.{type Subject}
import gleam/int
import gleam/io

pub type Ping {
  Ping(round: Int, reply_to: Subject(Pong))
  Done
}

pub type Pong {
  Pong(round: Int)
}

fn ponger(startup: Subject(Subject(Ping))) -> Nil {
  let inbox = process.new_subject()
  process.send(startup, inbox)
  pong_loop(inbox, 0)
}

fn pong_loop(inbox: Subject(Ping), served: Int) -> Nil {
  case process.receive_forever(inbox) {
    Ping(round, reply_to) -> {
      process.send(reply_to, Pong(round * 10))
      pong_loop(inbox, served + 1)
    }
    Done -> io.println("ponger served " <> int.to_string(served))
  }
}

fn ping_rounds(to: Subject(Ping), me: Subject(Pong), round: Int, last: Int) -> Int {
  case round > last {
    True -> last
    False -> {
      process.send(to, Ping(round, me))
      let assert Ok(Pong(n)) = process.receive(me, within: 1000)
      io.println("round " <> int.to_string(round) <> " -> " <> int.to_string(n))
      ping_rounds(to, me, round + 1, last)
    }
  }
}

pub type Event {
  Number(Int)
  Word(String)
}

pub fn main() {
  let startup = process.new_subject()
  let pid = process.spawn(fn() { ponger(startup) })
  let assert Ok(pong_inbox) = process.receive(startup, within: 1000)
  let me = process.new_subject()
  let rounds = ping_rounds(pong_inbox, me, 1, 5)
  io.println("played " <> int.to_string(rounds) <> " rounds")
  let monitor = process.monitor(pid)
  process.send(pong_inbox, Done)
  let assert Ok(_) =
    process.new_selector()
    |> process.select_specific_monitor(monitor, fn(_) { Nil })
    |> process.selector_receive(within: 1000)
  io.println("ponger exited")

  // One selector over two subjects of different types.
  let numbers = process.new_subject()
  let words = process.new_subject()
  let selector =
    process.new_selector()
    |> process.select_map(numbers, Number)
    |> process.select_map(words, Word)
  process.send(words, "hello")
  process.send(numbers, 42)
  process.send(words, "world")
  list_events(selector, 4)
  case process.receive(numbers, within: 10) {
    Ok(n) -> io.println("unexpected " <> int.to_string(n))
    Error(Nil) -> io.println("no more numbers")
  }
}

fn list_events(selector: process.Selector(Event), n: Int) -> Nil {
  case n {
    0 -> Nil
    _ -> {
      case process.selector_receive(selector, within: 20) {
        Ok(Number(i)) -> io.println("number " <> int.to_string(i))
        Ok(Word(w)) -> io.println("word " <> w)
        Error(Nil) -> io.println("timeout")
      }
      list_events(selector, n - 1)
    }
  }
}
