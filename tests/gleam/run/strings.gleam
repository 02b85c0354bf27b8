// Strings: concatenation, prefix patterns, string functions, escapes and
// inspect quoting. Expected output derived from Gleam's documented
// semantics.
import gleam/io
import gleam/string

fn command(input: String) -> String {
  case input {
    "say " <> rest -> "saying " <> rest
    "shout " as cmd <> rest -> cmd <> string.uppercase(rest)
    "" -> "empty"
    other -> "unknown: " <> other
  }
}

pub fn main() {
  io.println(command("say hi"))
  io.println(command("shout hi"))
  io.println(command(""))
  io.println(command("dance"))
  io.println(string.inspect("quote \" and \\ and\nnewline"))
  io.println(string.join(string.split("a,b,c", ","), "-"))
  io.println(string.inspect(string.length("héllo")))
  io.println(string.reverse("stressed"))
  io.println(string.inspect(string.contains("haystack", "st")))
  io.println(string.replace("a.b.c", ".", "/"))
  io.println(string.slice("gleaming", 1, 4))
  io.println(string.trim("  pad  ") <> "|")
  io.println(string.pad_start("7", 3, "0"))
}
