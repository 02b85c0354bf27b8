import gleam/int
import gleam/string

pub const greeting = "hello"

pub fn greet(name: String) -> String {
  greeting <> ", " <> name
}

pub fn shout(s: String) -> String {
  string.uppercase(s) <> "!"
}

pub fn int_str(n: Int) -> String {
  int.to_string(n)
}
