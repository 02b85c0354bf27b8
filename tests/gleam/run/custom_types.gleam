// Custom types with several variants, exhaustive case, alternative
// patterns and guards. Expected output derived from Gleam's documented
// semantics (same as the Erlang program matching {circle, R} etc.).
import gleam/float
import gleam/io
import gleam/list

pub type Shape {
  Circle(radius: Float)
  Rectangle(width: Float, height: Float)
  Square(side: Float)
}

fn area(shape: Shape) -> Float {
  case shape {
    Circle(r) -> 3.0 *. r *. r
    Rectangle(w, h) -> w *. h
    Square(s) -> s *. s
  }
}

fn describe(n: Int) -> String {
  case n {
    0 -> "zero"
    1 | 2 | 3 -> "small"
    n if n < 0 -> "negative"
    _ -> "large"
  }
}

pub fn main() {
  [Circle(1.0), Rectangle(2.0, 3.0), Square(4.0)]
  |> list.map(area)
  |> list.each(fn(a) { io.println(float.to_string(a)) })
  [0, 2, -5, 100]
  |> list.map(describe)
  |> list.each(io.println)
}
