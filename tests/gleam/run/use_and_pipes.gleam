// `use`, pipes into first and labelled positions, captures, labelled and
// shorthand arguments, anonymous functions and blocks. Expected output
// derived from Gleam's documented semantics.
import gleam/int
import gleam/io
import gleam/list
import gleam/result
import gleam/string

fn parse_both(a: String, b: String) -> Result(Int, Nil) {
  use x <- result.try(int.parse(a))
  use y <- result.try(int.parse(b))
  Ok(x + y)
}

fn greet(greeting greeting: String, name name: String) -> String {
  greeting <> ", " <> name <> "!"
}

fn with_logging(label: String, f: fn() -> a) -> a {
  io.println("start " <> label)
  let r = f()
  io.println("end " <> label)
  r
}

pub fn main() {
  io.println(string.inspect(parse_both("1", "2")))
  io.println(string.inspect(parse_both("1", "x")))
  let name = "Joe"
  io.println(greet(name:, greeting: "Hello"))
  [1, 2, 3]
  |> list.map(int.add(_, 10))
  |> list.map(int.to_string)
  |> string.join(", ")
  |> io.println
  let total = {
    let a = 10
    let b = 20
    a * b
  }
  io.println(int.to_string(total))
  let v = {
    use <- with_logging("work")
    io.println("working")
    7
  }
  io.println(int.to_string(v))
  "abc" |> string.uppercase |> io.println
  list.range(1, 5) |> list.filter(int.is_even) |> string.inspect |> io.println
}
