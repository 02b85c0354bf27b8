// Patterns over strings and lists: string prefix patterns (`"a" <> rest`)
// with `as` on the prefix, alternative patterns with `|`, list patterns
// with fixed heads and tails, nested tuples in patterns, guards combining
// bound variables, and a tiny command interpreter built from them.
// Expected output recorded from the equivalent Erlang program (binary
// prefix patterns, tests/gleam/oracle/string_patterns.erl) run by `erl`.
import gleam/int
import gleam/io
import gleam/list
import gleam/string

fn command(line: String) -> String {
  case line {
    "say " <> words -> "saying: " <> words
    "add " <> numbers ->
      case string.split(numbers, " ") |> list.try_map(int.parse) {
        Ok(ns) -> "sum " <> int.to_string(int.sum(ns))
        Error(Nil) -> "bad numbers"
      }
    "quit" | "exit" | "bye" -> "goodbye"
    "go " as verb <> direction | "walk " as verb <> direction ->
      "moving " <> direction <> " (" <> string.trim(verb) <> ")"
    "" -> "empty"
    other -> "unknown: " <> other
  }
}

fn shape(xs: List(Int)) -> String {
  case xs {
    [] -> "empty"
    [x] -> "one " <> int.to_string(x)
    [x, y] if x == y -> "a pair of " <> int.to_string(x)
    [x, y] -> "two " <> int.to_string(x + y)
    [0, ..rest] -> "starts with zero, then " <> int.to_string(list.length(rest))
    [first, _, third, ..] -> "first " <> int.to_string(first) <> " third " <> int.to_string(third)
  }
}

fn quadrant(p: #(Int, Int)) -> String {
  case p {
    #(0, 0) -> "origin"
    #(0, _) | #(_, 0) -> "axis"
    #(x, y) if x > 0 && y > 0 -> "first"
    #(x, y) if x < 0 && y > 0 -> "second"
    #(x, _) if x < 0 -> "third"
    _ -> "fourth"
  }
}

pub fn main() {
  [
    "say hello world", "add 1 2 3", "add 1 x", "quit", "bye", "go north",
    "walk east", "", "dance",
  ]
  |> list.each(fn(l) { io.println(command(l)) })
  [[], [7], [4, 4], [4, 5], [0, 1, 2, 3], [9, 8, 7, 6]]
  |> list.each(fn(xs) { io.println(shape(xs)) })
  [#(0, 0), #(0, 5), #(3, 0), #(1, 1), #(-1, 1), #(-1, -1), #(1, -1)]
  |> list.map(quadrant)
  |> string.join(" ")
  |> io.println
}
