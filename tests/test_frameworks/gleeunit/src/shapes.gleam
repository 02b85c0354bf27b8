import gleam/float
import gleam/list
import gleam/option.{type Option, None, Some}

pub type Shape {
  Circle(radius: Float)
  Rectangle(width: Float, height: Float)
  Square(side: Float)
}

pub fn area(shape: Shape) -> Float {
  case shape {
    Circle(r) -> 3.0 *. r *. r
    Rectangle(w, h) -> w *. h
    Square(s) -> s *. s
  }
}

pub fn parse(text: String) -> Result(Shape, String) {
  case text {
    "circle " <> r -> float.parse(r) |> result_map(Circle)
    "square " <> s -> float.parse(s) |> result_map(Square)
    _ -> Error("unknown shape: " <> text)
  }
}

fn result_map(r: Result(Float, Nil), f: fn(Float) -> Shape) -> Result(Shape, String) {
  case r {
    Ok(x) -> Ok(f(x))
    Error(Nil) -> Error("not a number")
  }
}

pub fn largest(shapes: List(Shape)) -> Option(Shape) {
  list.fold(shapes, None, fn(best, shape) {
    case best {
      Some(b) ->
        case area(b) >=. area(shape) {
          True -> best
          False -> Some(shape)
        }
      None -> Some(shape)
    }
  })
}
