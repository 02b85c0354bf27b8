// Strings are sequences of grapheme clusters: length, reverse, slice,
// drop_start/drop_end, first/last, pop_grapheme, to_graphemes, split on
// "", padding with a multi-grapheme pad, and Unicode case mapping, over a
// combining accent, CR LF, a ZWJ emoji family, a flag, a Hangul syllable
// from jamo and a skin-tone modifier. gleam_stdlib calls OTP's `string`
// functions for these; the expected output was recorded from the
// equivalent Erlang program (tests/gleam/oracle/graphemes.erl) run by `erl`.
import gleam/int
import gleam/io
import gleam/list
import gleam/string

fn show(label: String, value: String) -> Nil {
  io.println(label <> ": [" <> value <> "]")
}

pub fn main() -> Nil {
  let cafe = "cafe\u{301}!"
  let family = "\u{1F469}\u{200D}\u{1F469}\u{200D}\u{1F467}"
  let flag = "\u{1F1EB}\u{1F1F7}"
  let hangul = "\u{1100}\u{1161}\u{11A8}"
  let wave = "\u{1F44B}\u{1F3FD}"
  let mixed = "a" <> family <> "b\r\nc" <> flag <> hangul <> wave <> "e\u{301}"
  io.println("length cafe " <> int.to_string(string.length(cafe)))
  io.println("length mixed " <> int.to_string(string.length(mixed)))
  io.println("bytes mixed " <> int.to_string(string.byte_size(mixed)))
  show("reverse cafe", string.reverse(cafe))
  show("reverse mixed", string.reverse(mixed))
  show("slice 1 3", string.slice(mixed, 1, 3))
  show("slice -2 2", string.slice(mixed, -2, 2))
  show("slice 20 2", string.slice(mixed, 20, 2))
  show("drop_start 2", string.drop_start(mixed, 2))
  show("drop_end 3", string.drop_end(mixed, 3))
  let assert Ok(f) = string.first(mixed)
  let assert Ok(l) = string.last(mixed)
  show("first", f)
  show("last", l)
  let assert Ok(#(g, rest)) = string.pop_grapheme(family <> "x")
  show("pop", g <> "|" <> rest)
  let parts = string.to_graphemes(mixed)
  io.println("graphemes " <> int.to_string(list.length(parts)))
  list.each(parts, fn(p) {
    io.println(
      "  " <> int.to_string(string.byte_size(p)) <> " bytes, "
      <> int.to_string(list.length(string.to_utf_codepoints(p)))
      <> " code points",
    )
  })
  io.println(
    "split \"\" " <> int.to_string(list.length(string.split(cafe, ""))),
  )
  show("pad_start", string.pad_start("\u{E9}t\u{E9}", 7, "ab"))
  show("pad_end", string.pad_end(cafe, 8, "\u{1F44B}\u{1F3FD}-"))
  show("uppercase", string.uppercase("stra\u{DF}e \u{E9}t\u{E9} \u{3C3}"))
  show("lowercase", string.lowercase("\u{C9}T\u{C9} \u{3A3}\u{391}"))
  show("capitalise", string.capitalise("\u{E9}COLE"))
}
