// A value received from a Subject(Msg) matched against another type's
// constructor.
import gleam/erlang/process
import gleam/option.{Some}

pub type Msg {
  Ping
  Pong
}

pub fn main() {
  let inbox = process.new_subject()
  process.send(inbox, Ping)
  case process.receive(inbox, within: 10) {
    Ok(Some(_)) -> Nil
    _ -> Nil
  }
}
