// `use` with callbacks of our own and of the stdlib: bool.guard for early
// returns, result.try chains that stop at the first error, a resource
// helper that runs code before and after the callback, `use` with two
// callback arguments and with none, and list.each/list.map via `use`.
// Expected output recorded from the equivalent Erlang program (nested
// funs and case expressions, tests/gleam/oracle/use_callbacks.erl) run by
// `erl`.
import gleam/bool
import gleam/int
import gleam/io
import gleam/list
import gleam/result

fn with_resource(name: String, body: fn(String) -> a) -> a {
  io.println("open " <> name)
  let value = body(name <> "!")
  io.println("close " <> name)
  value
}

fn twice(body: fn() -> Nil) -> Nil {
  body()
  body()
}

fn with_pair(body: fn(Int, String) -> String) -> String {
  body(7, "seven")
}

fn classify(n: Int) -> String {
  use <- bool.guard(when: n < 0, return: "negative")
  use <- bool.guard(n == 0, "zero")
  use <- bool.lazy_guard(n > 100, fn() { "big: " <> int.to_string(n) })
  "small positive"
}

fn parse_and_divide(a: String, b: String) -> Result(Int, String) {
  use x <- result.try(int.parse(a) |> result.replace_error("bad a: " <> a))
  use y <- result.try(int.parse(b) |> result.replace_error("bad b: " <> b))
  use <- bool.guard(y == 0, Error("division by zero"))
  Ok(x / y)
}

fn show(r: Result(Int, String)) -> String {
  case r {
    Ok(n) -> "Ok " <> int.to_string(n)
    Error(e) -> "Error " <> e
  }
}

pub fn main() {
  list.each([-5, 0, 3, 500], fn(n) { io.println(classify(n)) })
  io.println(show(parse_and_divide("84", "2")))
  io.println(show(parse_and_divide("x", "2")))
  io.println(show(parse_and_divide("84", "y")))
  io.println(show(parse_and_divide("84", "0")))
  let length = {
    use handle <- with_resource("file.txt")
    io.println("using " <> handle)
    int.to_string(42) <> handle
  }
  io.println(length)
  use <- twice
  io.println("twice")
  io.println(with_pair(fn(n, s) { int.to_string(n) <> "/" <> s }))
  let doubled = {
    use x <- list.map([1, 2, 3])
    x * 2
  }
  io.println(list.map(doubled, int.to_string) |> list.fold("", fn(a, b) { a <> b }))
  use x <- list.each([10, 20])
  io.println("each " <> int.to_string(x))
}
