// A key-value store as a typed actor: every request is a variant of one
// message type, and a reply travels back on a Subject of the right type.
import gleam/dict.{type Dict}
import gleam/erlang/process.{type Subject}
import gleam/io
import gleam/list
import gleam/otp/actor
import gleam/string

type Msg {
  Put(key: String, value: Int, reply: Subject(Nil))
  Get(key: String, reply: Subject(Result(Int, Nil)))
  Add(key: String, n: Int)
  Keys(reply: Subject(List(String)))
  Shutdown(reply: Subject(Int))
}

fn handle(store: Dict(String, Int), msg: Msg) -> actor.Next(Dict(String, Int), Msg) {
  case msg {
    Put(key, value, reply) -> {
      process.send(reply, Nil)
      actor.continue(dict.insert(store, key, value))
    }
    Get(key, reply) -> {
      process.send(reply, dict.get(store, key))
      actor.continue(store)
    }
    Add(key, n) -> {
      let old = case dict.get(store, key) {
        Ok(v) -> v
        Error(Nil) -> 0
      }
      actor.continue(dict.insert(store, key, old + n))
    }
    Keys(reply) -> {
      process.send(reply, list.sort(dict.keys(store), string.compare))
      actor.continue(store)
    }
    Shutdown(reply) -> {
      process.send(reply, dict.size(store))
      actor.stop()
    }
  }
}

fn show(r: Result(Int, Nil)) -> String {
  case r {
    Ok(v) -> "{ok," <> string.inspect(v) <> "}"
    Error(Nil) -> "not_found"
  }
}

pub fn main() {
  let assert Ok(started) =
    actor.new(dict.new()) |> actor.on_message(handle) |> actor.start
  let kv = started.data
  actor.call(kv, 5000, Put("apples", 3, _))
  actor.call(kv, 5000, Put("pears", 5, _))
  actor.send(kv, Add("apples", 4))
  io.println("apples: " <> show(actor.call(kv, 5000, Get("apples", _))))
  io.println("pears: " <> show(actor.call(kv, 5000, Get("pears", _))))
  io.println("plums: " <> show(actor.call(kv, 5000, Get("plums", _))))
  let keys = actor.call(kv, 5000, Keys)
  io.println("keys: [" <> string.join(keys, ",") <> "]")
  let size = actor.call(kv, 5000, Shutdown)
  io.println("stopping with " <> string.inspect(size) <> " keys")
  process.sleep(10)
  io.println(
    "alive after stop: " <> string.inspect(process.is_alive(started.pid))
    |> string.lowercase,
  )
}
