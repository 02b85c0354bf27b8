// `case` with several subjects, alternative patterns `|`, guards with
// `&&`/`||` and comparisons, nested tuples and lists, `as` bindings and
// discards. Expected output recorded from the equivalent Erlang program
// (case over tuples, multiple clauses for alternatives) run by `erl`.
import gleam/int
import gleam/io
import gleam/list

fn fizz(n: Int) -> String {
  case n % 3, n % 5 {
    0, 0 -> "FizzBuzz"
    0, _ -> "Fizz"
    _, 0 -> "Buzz"
    _, _ -> int.to_string(n)
  }
}

pub type Shape {
  Circle(r: Int)
  Square(side: Int)
  Rect(w: Int, h: Int)
}

fn kind(a: Shape, b: Shape) -> String {
  case a, b {
    Circle(_), Circle(_) -> "two circles"
    Square(x), Square(y) | Rect(x, _), Rect(y, _) if x == y -> "same width"
    Square(_), _ | _, Square(_) -> "a square"
    _, _ -> "mixed"
  }
}

fn day_type(day: String) -> String {
  case day {
    "sat" | "sun" -> "weekend"
    "mon" | "tue" | "wed" | "thu" | "fri" -> "weekday"
    _ -> "unknown"
  }
}

fn classify(l: List(Int)) -> String {
  case l {
    [] -> "empty"
    [x] if x < 0 -> "one negative"
    [_] -> "one"
    [a, b] if a > b || b > 100 -> "two, odd"
    [_, _] as pair -> "two: " <> int.to_string(list.length(pair))
    [first, _, ..rest] if first == 0 && rest != [] -> "starts with 0, long"
    _ -> "many"
  }
}

pub fn main() {
  list.range(1, 15) |> list.map(fizz) |> list.each(io.println)
  io.println(kind(Circle(1), Circle(2)))
  io.println(kind(Square(3), Square(3)))
  io.println(kind(Rect(4, 1), Rect(4, 9)))
  io.println(kind(Rect(4, 1), Square(2)))
  io.println(kind(Rect(4, 1), Rect(5, 1)))
  io.println(kind(Circle(1), Rect(5, 1)))
  list.each(["sat", "tue", "xyz"], fn(d) { io.println(day_type(d)) })
  list.each([[], [-1], [1], [5, 2], [1, 200], [1, 2], [0, 1, 2], [1, 2, 3]], fn(l) {
    io.println(classify(l))
  })
  let pair = #(#(1, "a"), [True, False])
  case pair {
    #(#(n, s), [flag, ..]) if flag -> io.println(s <> int.to_string(n))
    _ -> io.println("no")
  }
}
