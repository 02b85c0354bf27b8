// Bit arrays: construction with sizes, utf8 strings, matching on segments.
// Expected output checked against the equivalent Erlang bit syntax run by
// erl (<<255, 2:16, "hi">> is <<255,0,2,104,105>>). As on Gleam's Erlang
// target, string.inspect prints a bit array that is valid UTF-8 as a string.
import gleam/io
import gleam/string

fn parse(bits: BitArray) -> String {
  case bits {
    <<255, len:16, rest:bytes>> -> "type 1, length " <> string.inspect(len) <> ", rest " <> string.inspect(rest)
    <<0>> -> "zero"
    _ -> "other"
  }
}

pub fn main() {
  let b = <<255, 2:16, "hi":utf8>>
  io.println(string.inspect(b))
  io.println(parse(b))
  io.println(parse(<<0>>))
  io.println(parse(<<9, 9>>))
  io.println(string.inspect(<<3:4, 1:4>>))
}
