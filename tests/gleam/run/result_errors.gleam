// Error handling with Result and a custom error type: parsing a small
// config line by line, result.map_error, result.try, result.all,
// result.partition, result.unwrap and result.or, option.from_result and
// option chains. Expected output recorded from the equivalent Erlang
// program ({ok, _} / {error, _} tuples, tests/gleam/oracle/result_errors.erl)
// run by `erl`.
import gleam/int
import gleam/io
import gleam/list
import gleam/option.{type Option, None, Some}
import gleam/result
import gleam/string

pub type ConfigError {
  MissingEquals(line: Int)
  BadNumber(key: String, value: String)
  UnknownKey(String)
}

pub type Setting {
  Port(Int)
  Host(String)
  Debug(Bool)
}

fn parse_line(line: String, number: Int) -> Result(Setting, ConfigError) {
  use #(key, value) <- result.try(
    string.split_once(line, "=") |> result.replace_error(MissingEquals(number)),
  )
  let key = string.trim(key)
  let value = string.trim(value)
  case key {
    "port" ->
      int.parse(value)
      |> result.map(Port)
      |> result.map_error(fn(_) { BadNumber(key, value) })
    "host" -> Ok(Host(value))
    "debug" -> Ok(Debug(value == "true"))
    _ -> Error(UnknownKey(key))
  }
}

fn describe_error(e: ConfigError) -> String {
  case e {
    MissingEquals(n) -> "line " <> int.to_string(n) <> ": missing ="
    BadNumber(k, v) -> k <> ": not a number: " <> v
    UnknownKey(k) -> "unknown key " <> k
  }
}

fn describe(s: Setting) -> String {
  case s {
    Port(p) -> "port " <> int.to_string(p)
    Host(h) -> "host " <> h
    Debug(d) -> "debug " <> string.inspect(d)
  }
}

fn parse_all(text: String) -> List(Result(Setting, ConfigError)) {
  text
  |> string.split("\n")
  |> list.index_map(fn(line, i) { parse_line(line, i + 1) })
}

pub fn main() {
  let good = "host = example.com\nport = 8080\ndebug = true"
  let bad = "host = x\nport = eighty\nverbose = yes\njunk"
  case result.all(parse_all(good)) {
    Ok(settings) -> list.each(settings, fn(s) { io.println(describe(s)) })
    Error(e) -> io.println(describe_error(e))
  }
  case result.all(parse_all(bad)) {
    Ok(_) -> io.println("unexpected")
    Error(e) -> io.println("first error: " <> describe_error(e))
  }
  let #(oks, errors) = result.partition(parse_all(bad))
  io.println(int.to_string(list.length(oks)) <> " ok, " <> int.to_string(list.length(errors)) <> " errors")
  list.each(list.reverse(errors), fn(e) { io.println("  " <> describe_error(e)) })
  let port =
    parse_line("port = 99x", 1)
    |> result.or(parse_line("port = 81", 2))
    |> result.map(describe)
    |> result.unwrap("none")
  io.println(port)
  let maybe: Option(Int) =
    int.parse("12")
    |> option.from_result
    |> option.map(fn(n) { n * 2 })
  io.println(string.inspect(maybe))
  io.println(string.inspect(option.then(maybe, fn(n) {
    case n > 100 {
      True -> Some(n)
      False -> None
    }
  })))
  io.println(int.to_string(option.unwrap(None, 7) + option.unwrap(maybe, 0)))
}
