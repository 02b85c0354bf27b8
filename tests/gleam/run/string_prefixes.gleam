// String prefix patterns `"prefix" <> rest`, with `as` naming the prefix,
// in a tiny command interpreter and a recursive tokenizer. Expected output
// recorded from the equivalent Erlang program (binary prefix matches)
// run by `erl`.
import gleam/io
import gleam/list
import gleam/string

fn run(cmd: String) -> String {
  case cmd {
    "add " <> item -> "adding " <> item
    "del " <> item -> "deleting " <> item
    "go " as verb <> place | "walk " as verb <> place ->
      string.trim(verb) <> " to " <> place
    "" -> "empty"
    other -> "unknown: " <> other
  }
}

fn tokens(s: String, acc: List(String)) -> List(String) {
  case s {
    "" -> list.reverse(acc)
    " " <> rest -> tokens(rest, acc)
    "==" <> rest -> tokens(rest, ["EQ", ..acc])
    "=" <> rest -> tokens(rest, ["ASSIGN", ..acc])
    "+" <> rest -> tokens(rest, ["PLUS", ..acc])
    _ -> {
      let assert Ok(#(c, rest)) = string.pop_grapheme(s)
      tokens(rest, ["CHAR(" <> c <> ")", ..acc])
    }
  }
}

pub fn main() {
  ["add milk", "del eggs", "go home", "walk north", "", "jump"]
  |> list.each(fn(c) { io.println(run(c)) })
  io.println(string.join(tokens("a = b + c == d", []), " "))
}
