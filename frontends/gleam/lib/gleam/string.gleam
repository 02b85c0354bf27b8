import gleam/list
import gleam/option.{type Option, None, Some}
import gleam/order.{type Order}

@external(erlang, "gleam_stdlib", "string_length")
pub fn length(string: String) -> Int

@external(erlang, "gleam_stdlib", "string_reverse")
pub fn reverse(string: String) -> String

@external(erlang, "gleam_stdlib", "lowercase")
pub fn lowercase(string: String) -> String

@external(erlang, "gleam_stdlib", "uppercase")
pub fn uppercase(string: String) -> String

@external(erlang, "gleam_stdlib", "string_split")
pub fn split(x: String, on substring: String) -> List(String)

@external(erlang, "gleam_stdlib", "string_replace")
pub fn replace(in string: String, each pattern: String, with substitute: String) -> String

@external(erlang, "gleam_stdlib", "contains_string")
pub fn contains(does haystack: String, contain needle: String) -> Bool

@external(erlang, "gleam_stdlib", "string_starts_with")
pub fn starts_with(string: String, prefix: String) -> Bool

@external(erlang, "gleam_stdlib", "string_ends_with")
pub fn ends_with(string: String, suffix: String) -> Bool

@external(erlang, "gleam_stdlib", "string_slice")
pub fn slice(from string: String, at_index idx: Int, length len: Int) -> String

@external(erlang, "gleam_stdlib", "trim")
pub fn trim(string: String) -> String

@external(erlang, "gleam_stdlib", "trim_start")
pub fn trim_start(string: String) -> String

@external(erlang, "gleam_stdlib", "trim_end")
pub fn trim_end(string: String) -> String

@external(erlang, "gleam_stdlib", "to_graphemes")
pub fn to_graphemes(string: String) -> List(String)

@external(erlang, "gleam_stdlib", "string_pop_grapheme")
pub fn pop_grapheme(string: String) -> Result(#(String, String), Nil)

@external(erlang, "gleam_stdlib", "concat")
pub fn concat(strings: List(String)) -> String

@external(erlang, "gleam_stdlib", "string_join")
pub fn join(strings: List(String), with separator: String) -> String

@external(erlang, "gleam_stdlib", "inspect")
pub fn inspect(term: anything) -> String

@external(erlang, "gleam_stdlib", "compare_strings")
pub fn compare(a: String, b: String) -> Order

pub fn is_empty(str: String) -> Bool {
  str == ""
}

pub fn append(to first: String, suffix second: String) -> String {
  first <> second
}

/// `times` copies of the string, joined once (linear in the result).
pub fn repeat(string: String, times times: Int) -> String {
  case times <= 0 {
    True -> ""
    False -> concat(list.repeat(string, times))
  }
}

pub fn drop_start(from string: String, up_to num_graphemes: Int) -> String {
  case num_graphemes <= 0 {
    True -> string
    False -> {
      let prefix = slice(string, 0, num_graphemes)
      let prefix_size = byte_size(prefix)
      unsafe_byte_slice(string, prefix_size, byte_size(string) - prefix_size)
    }
  }
}

@external(erlang, "binary", "part")
fn unsafe_byte_slice(string: String, index: Int, length: Int) -> String

pub fn drop_end(from string: String, up_to num_graphemes: Int) -> String {
  case num_graphemes <= 0 {
    True -> string
    False -> slice(string, 0, length(string) - num_graphemes)
  }
}

pub fn first(string: String) -> Result(String, Nil) {
  case pop_grapheme(string) {
    Ok(#(first, _)) -> Ok(first)
    Error(e) -> Error(e)
  }
}

pub fn last(string: String) -> Result(String, Nil) {
  case pop_grapheme(string) {
    Ok(#(first, "")) -> Ok(first)
    Ok(#(_, rest)) -> Ok(slice(rest, -1, 1))
    Error(e) -> Error(e)
  }
}

pub fn capitalise(string: String) -> String {
  case pop_grapheme(string) {
    Ok(#(first, rest)) -> append(to: uppercase(first), suffix: lowercase(rest))
    Error(_) -> ""
  }
}

pub fn pad_start(string: String, to desired_length: Int, with pad_string: String) -> String {
  let to_pad = desired_length - length(string)
  case to_pad <= 0 {
    True -> string
    False -> padding(to_pad, pad_string) <> string
  }
}

pub fn pad_end(string: String, to desired_length: Int, with pad_string: String) -> String {
  let to_pad = desired_length - length(string)
  case to_pad <= 0 {
    True -> string
    False -> string <> padding(to_pad, pad_string)
  }
}

/// `size` graphemes of padding: whole copies of `pad_string`, then as much
/// of it as fits.
fn padding(size: Int, pad_string: String) -> String {
  let pad_length = length(pad_string)
  repeat(pad_string, size / pad_length) <> slice(pad_string, 0, size % pad_length)
}

pub fn split_once(string: String, on substring: String) -> Result(#(String, String), Nil) {
  case split(string, substring) {
    [first, second, ..rest] -> Ok(#(first, join([second, ..rest], substring)))
    _ -> Error(Nil)
  }
}

pub fn to_option(string: String) -> Option(String) {
  case string {
    "" -> None
    _ -> Some(string)
  }
}

pub fn lines(string: String) -> List(String) {
  split(string, "\n")
}

pub fn words(string: String) -> List(String) {
  split(string, " ") |> list.filter(fn(w) { w != "" })
}

@external(erlang, "erlang", "byte_size")
pub fn byte_size(string: String) -> Int

/// The code points of a string (not its graphemes).
@external(erlang, "gleam_stdlib", "string_to_codepoints")
pub fn to_utf_codepoints(string: String) -> List(UtfCodepoint)

@external(erlang, "gleam_stdlib", "utf_codepoint_list_to_string")
pub fn from_utf_codepoints(utf_codepoints: List(UtfCodepoint)) -> String

pub fn utf_codepoint(value: Int) -> Result(UtfCodepoint, Nil) {
  case value {
    i if i > 1_114_111 -> Error(Nil)
    i if i >= 55_296 && i <= 57_343 -> Error(Nil)
    i if i < 0 -> Error(Nil)
    i -> Ok(unsafe_int_to_utf_codepoint(i))
  }
}

@external(erlang, "gleam_stdlib", "identity")
fn unsafe_int_to_utf_codepoint(a: Int) -> UtfCodepoint

@external(erlang, "gleam_stdlib", "identity")
pub fn utf_codepoint_to_int(cp: UtfCodepoint) -> Int

/// Drops everything before the first occurrence of `substring`; the
/// string as it is when `substring` does not occur.
@external(erlang, "gleam_stdlib", "crop_string")
pub fn crop(from string: String, before substring: String) -> String

/// The string without `prefix` at its start (unchanged if it is not there).
@external(erlang, "gleam_stdlib", "string_remove_prefix")
pub fn remove_prefix(from string: String, matching prefix: String) -> String

/// The string without `suffix` at its end (unchanged if it is not there).
@external(erlang, "gleam_stdlib", "string_remove_suffix")
pub fn remove_suffix(from string: String, matching suffix: String) -> String
