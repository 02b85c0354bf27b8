import gleam/order.{type Order}

@external(erlang, "gleam_stdlib", "float_to_string")
pub fn to_string(x: Float) -> String

@external(erlang, "gleam_stdlib", "parse_float")
pub fn parse(string: String) -> Result(Float, Nil)

@external(erlang, "gleam_stdlib", "truncate")
pub fn truncate(x: Float) -> Int

@external(erlang, "gleam_stdlib", "round")
pub fn round(x: Float) -> Int

@external(erlang, "gleam_stdlib", "floor")
pub fn floor(x: Float) -> Float

@external(erlang, "gleam_stdlib", "ceiling")
pub fn ceiling(x: Float) -> Float

@external(erlang, "gleam_stdlib", "float_abs")
pub fn absolute_value(x: Float) -> Float

pub fn compare(a: Float, with b: Float) -> Order {
  case a == b {
    True -> order.Eq
    False ->
      case a <. b {
        True -> order.Lt
        False -> order.Gt
      }
  }
}

pub fn min(a: Float, b: Float) -> Float {
  case a <. b {
    True -> a
    False -> b
  }
}

pub fn max(a: Float, b: Float) -> Float {
  case a >. b {
    True -> a
    False -> b
  }
}

pub fn negate(x: Float) -> Float {
  -1.0 *. x
}

pub fn sum(numbers: List(Float)) -> Float {
  sum_loop(numbers, 0.0)
}

fn sum_loop(numbers: List(Float), acc: Float) -> Float {
  case numbers {
    [] -> acc
    [x, ..rest] -> sum_loop(rest, x +. acc)
  }
}

pub fn product(numbers: List(Float)) -> Float {
  case numbers {
    [] -> 1.0
    [x, ..rest] -> x *. product(rest)
  }
}

pub fn add(a: Float, b: Float) -> Float {
  a +. b
}

pub fn multiply(a: Float, b: Float) -> Float {
  a *. b
}

pub fn subtract(a: Float, b: Float) -> Float {
  a -. b
}

pub fn divide(a: Float, by b: Float) -> Result(Float, Nil) {
  case b == 0.0 {
    True -> Error(Nil)
    False -> Ok(a /. b)
  }
}
