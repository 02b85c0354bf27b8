// A chat room with many clients: one room process relays every line to
// every other member. Every message type is checked: the room only takes
// RoomMsg, a client only ClientMsg. Joins and posts are acknowledged, so
// the story is the same on every run.
import gleam/dict.{type Dict}
import gleam/erlang/process.{type Subject}
import gleam/int
import gleam/io
import gleam/list
import gleam/string

const clients = 40

type RoomMsg {
  Join(client: Subject(ClientMsg), name: String, ack: Subject(Nil))
  Say(client: Subject(ClientMsg), text: String, ack: Subject(Nil))
  Leave(client: Subject(ClientMsg), ack: Subject(Nil))
  Members(reply: Subject(Int))
}

type ClientMsg {
  Line(String)
  Post(text: String, ack: Subject(Nil))
  Transcript(reply: Subject(List(String)))
  Stop
}

// The room: members by their Subject. A line goes to everyone but its
// sender, before the room acknowledges, so transcripts are in room order.
fn room(inbox: Subject(RoomMsg), members: Dict(Subject(ClientMsg), String)) -> Nil {
  case process.receive_forever(inbox) {
    Join(client, name, ack) -> {
      broadcast(members, client, name <> " joined")
      process.send(ack, Nil)
      room(inbox, dict.insert(members, client, name))
    }
    Say(client, text, ack) -> {
      let assert Ok(name) = dict.get(members, client)
      broadcast(members, client, name <> ": " <> text)
      process.send(ack, Nil)
      room(inbox, members)
    }
    Leave(client, ack) -> {
      process.send(ack, Nil)
      room(inbox, dict.delete(members, client))
    }
    Members(reply) -> {
      process.send(reply, dict.size(members))
      room(inbox, members)
    }
  }
}

fn broadcast(members: Dict(Subject(ClientMsg), String), sender, line: String) {
  dict.each(members, fn(client, _name) {
    case client == sender {
      True -> Nil
      False -> process.send(client, Line(line))
    }
  })
}

// A client keeps its transcript, newest first.
fn client(inbox: Subject(ClientMsg), room: Subject(RoomMsg), heard: List(String)) -> Nil {
  case process.receive_forever(inbox) {
    Line(line) -> client(inbox, room, [line, ..heard])
    Post(text, ack) -> {
      let said = process.new_subject()
      process.send(room, Say(inbox, text, said))
      let assert Ok(Nil) = process.receive(said, 5000)
      process.send(ack, Nil)
      client(inbox, room, heard)
    }
    Transcript(reply) -> {
      process.send(reply, list.reverse(heard))
      client(inbox, room, heard)
    }
    Stop -> Nil
  }
}

// Spawns a process that makes its own Subject and hands it back.
fn start(body: fn(Subject(msg)) -> Nil) -> Subject(msg) {
  let handoff = process.new_subject()
  process.spawn(fn() {
    let inbox = process.new_subject()
    process.send(handoff, inbox)
    body(inbox)
  })
  let assert Ok(inbox) = process.receive(handoff, 5000)
  inbox
}

fn ask(subject: Subject(msg), make: fn(Subject(reply)) -> msg) -> reply {
  let reply = process.new_subject()
  process.send(subject, make(reply))
  let assert Ok(answer) = process.receive(reply, 5000)
  answer
}

pub fn main() {
  let room_inbox = start(fn(inbox) { room(inbox, dict.new()) })
  let members =
    list.range(1, clients)
    |> list.map(fn(i) {
      let name = "client" <> int.to_string(i)
      let me = start(fn(inbox) { client(inbox, room_inbox, []) })
      ask(room_inbox, Join(me, name, _))
      #(name, me)
    })
  list.each(members, fn(m) { ask(m.1, Post("hello from " <> m.0, _)) })
  let assert Ok(#(_, last)) = list.last(members)
  ask(last, Post("bye all", _))
  list.each(members, fn(m) {
    case list.contains(["client1", "client20", "client40"], m.0) {
      False -> Nil
      True -> {
        let lines = ask(m.1, Transcript)
        let assert [first, ..] = lines
        let assert Ok(final) = list.last(lines)
        io.println(
          m.0
          <> " heard "
          <> int.to_string(list.length(lines))
          <> " lines; first: "
          <> string.inspect(first)
          <> "; last: "
          <> string.inspect(final),
        )
      }
    }
  })
  list.each(members, fn(m) {
    ask(room_inbox, Leave(m.1, _))
    process.send(m.1, Stop)
  })
  io.println("members left: " <> int.to_string(ask(room_inbox, Members)))
}
