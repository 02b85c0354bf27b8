// gleam/string functions: length, reverse, split, join, replace, trim,
// pad, slice, starts/ends_with, contains, split_once, repeat, case
// changes, to_graphemes, pop_grapheme, drop/first/last. ASCII only (we
// count code points where Gleam counts graphemes). Expected output
// recorded from the equivalent Erlang program (string module, lists)
// run by `erl`.
import gleam/int
import gleam/io
import gleam/string

pub fn main() {
  let s = "  Hello, Gleam World  "
  let t = string.trim(s)
  io.println("[" <> t <> "]")
  io.println("[" <> string.trim_start(s) <> "]")
  io.println("[" <> string.trim_end(s) <> "]")
  io.println(int.to_string(string.length(t)))
  io.println(string.reverse(t))
  io.println(string.uppercase(t))
  io.println(string.lowercase(t))
  io.println(string.join(string.split(t, ", "), "|"))
  io.println(string.replace(t, "l", "L"))
  io.println(string.slice(t, 7, 5))
  io.println(string.repeat("ab", 3))
  io.println(string.pad_start("42", 5, "0"))
  io.println(string.pad_end("ab", 4, ".") <> "|")
  io.println(bool(string.starts_with(t, "Hello")))
  io.println(bool(string.ends_with(t, "World")))
  io.println(bool(string.contains(t, "Gleam")))
  io.println(bool(string.is_empty("")))
  case string.split_once("key=value=more", "=") {
    Ok(#(k, v)) -> io.println(k <> " / " <> v)
    Error(Nil) -> io.println("no split")
  }
  case string.split_once("novalue", "=") {
    Ok(_) -> io.println("split")
    Error(Nil) -> io.println("no split")
  }
  io.println(string.join(string.to_graphemes("abc"), "-"))
  let assert Ok(#(first, rest)) = string.pop_grapheme("xyz")
  io.println(first <> "+" <> rest)
  io.println(string.drop_start("abcdef", 2) <> " " <> string.drop_end("abcdef", 2))
  let assert Ok(f) = string.first("qrs")
  let assert Ok(l) = string.last("qrs")
  io.println(f <> l)
  io.println(string.capitalise("hELLO"))
  io.println(string.concat(["a", "b", "c"]))
  io.println(int.to_string(string.length(string.append("abc", "de"))))
}

fn bool(b: Bool) -> String {
  case b {
    True -> "yes"
    False -> "no"
  }
}
