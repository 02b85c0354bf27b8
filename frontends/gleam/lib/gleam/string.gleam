import gleam/list
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

pub fn repeat(string: String, times times: Int) -> String {
  case times <= 0 {
    True -> ""
    False -> string <> repeat(string, times - 1)
  }
}

pub fn drop_start(from string: String, up_to num_graphemes: Int) -> String {
  case num_graphemes <= 0 {
    True -> string
    False -> slice(string, num_graphemes, length(string) - num_graphemes)
  }
}

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
  case length(string) {
    0 -> Error(Nil)
    n -> Ok(slice(string, n - 1, 1))
  }
}

pub fn capitalise(string: String) -> String {
  case pop_grapheme(string) {
    Ok(#(first, rest)) -> append(to: uppercase(first), suffix: lowercase(rest))
    Error(_) -> ""
  }
}

pub fn pad_start(string: String, to desired_length: Int, with pad_string: String) -> String {
  let current = length(string)
  case current >= desired_length {
    True -> string
    False -> repeat(pad_string, desired_length - current) <> string
  }
}

pub fn pad_end(string: String, to desired_length: Int, with pad_string: String) -> String {
  let current = length(string)
  case current >= desired_length {
    True -> string
    False -> string <> repeat(pad_string, desired_length - current)
  }
}

pub fn split_once(string: String, on substring: String) -> Result(#(String, String), Nil) {
  case split(string, substring) {
    [first, second, ..rest] -> Ok(#(first, join([second, ..rest], substring)))
    _ -> Error(Nil)
  }
}

pub fn to_option(string: String) -> Result(String, Nil) {
  case string {
    "" -> Error(Nil)
    _ -> Ok(string)
  }
}

pub fn lines(string: String) -> List(String) {
  split(string, "\n")
}

pub fn words(string: String) -> List(String) {
  split(string, " ") |> list.filter(fn(w) { w != "" })
}
