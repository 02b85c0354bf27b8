// Labelled arguments: calls with labels in any order, mixed positional
// and labelled, shorthand labels (`name:`), labels on library functions
// (string.pad_start, list.fold, dict.insert), and labelled record
// constructors. Expected output recorded from the equivalent Erlang
// program run by `erl`.
import gleam/dict
import gleam/int
import gleam/io
import gleam/list
import gleam/string

fn greet(greeting g: String, name n: String, times t: Int) -> String {
  string.repeat(g <> " " <> n <> "! ", t)
}

fn range_sum(from start: Int, to stop: Int, step step: Int) -> Int {
  case start > stop {
    True -> 0
    False -> start + range_sum(from: start + step, to: stop, step: step)
  }
}

pub type Config {
  Config(host: String, port: Int, debug: Bool)
}

pub fn main() {
  io.println(greet(greeting: "Hi", name: "Ann", times: 2))
  io.println(greet(name: "Bob", times: 1, greeting: "Yo"))
  io.println(greet("Hey", times: 1, name: "Cy"))
  io.println(int.to_string(range_sum(step: 3, to: 10, from: 1)))
  let name = "Dee"
  let times = 3
  io.println(greet(greeting: "Oi", name:, times:))
  io.println(string.pad_start("7", to: 3, with: "0"))
  let total = list.fold(over: [1, 2, 3], from: 10, with: fn(a, b) { a + b })
  io.println(int.to_string(total))
  let d = dict.new() |> dict.insert(for: "k", insert: 1)
  io.println(string.inspect(dict.get(d, "k")))
  let host = "localhost"
  let c = Config(port: 8080, debug: False, host:)
  io.println(c.host <> ":" <> int.to_string(c.port))
  let Config(debug:, ..) = c
  io.println(string.inspect(debug))
}
