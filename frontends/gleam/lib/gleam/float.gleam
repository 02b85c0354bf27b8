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

/// `x` kept between `min_bound` and `max_bound`.
pub fn clamp(x: Float, min min_bound: Float, max max_bound: Float) -> Float {
  // With the bounds the wrong way round, `x` between them stays as it is.
  case min_bound >=. max_bound {
    True -> max(min(x, min_bound), max_bound)
    False -> max(min(x, max_bound), min_bound)
  }
}

/// Whether `a` and `b` differ by no more than `tolerance`.
pub fn loosely_equals(
  a: Float,
  with b: Float,
  tolerating tolerance: Float,
) -> Bool {
  absolute_value(a -. b) <=. tolerance
}

/// `Eq` when `a` and `b` are within `tolerance` of each other, otherwise
/// as `compare`.
pub fn loosely_compare(
  a: Float,
  with b: Float,
  tolerating tolerance: Float,
) -> Order {
  case loosely_equals(a, b, tolerance) {
    True -> order.Eq
    False -> compare(a, b)
  }
}

/// `x` rounded to `precision` decimal places (tens, hundreds, ... for a
/// negative precision).
pub fn to_precision(x: Float, precision: Int) -> Float {
  case precision <= 0 {
    True -> {
      let factor = pow(10.0, int_to_float(-precision))
      int_to_float(round(x /. factor)) *. factor
    }
    False -> {
      let factor = pow(10.0, int_to_float(precision))
      int_to_float(round(x *. factor)) /. factor
    }
  }
}

/// `base` to the power `exponent`; `Error(Nil)` when that is not a real
/// number (a negative base with a fractional exponent) or divides by zero
/// (a zero base with a negative exponent).
pub fn power(base: Float, of exponent: Float) -> Result(Float, Nil) {
  let fractional = ceiling(exponent) -. exponent >. 0.0
  case base <. 0.0 && fractional || base == 0.0 && exponent <. 0.0 {
    True -> Error(Nil)
    False -> Ok(pow(base, exponent))
  }
}

pub fn square_root(x: Float) -> Result(Float, Nil) {
  power(x, 0.5)
}

/// The remainder of flooring division, with the divisor's sign;
/// `Error(Nil)` for a zero divisor.
pub fn modulo(dividend: Float, by divisor: Float) -> Result(Float, Nil) {
  case divisor {
    0.0 -> Error(Nil)
    _ -> Ok(dividend -. floor(dividend /. divisor) *. divisor)
  }
}

/// The natural logarithm; `Error(Nil)` unless `x` is positive.
pub fn logarithm(x: Float) -> Result(Float, Nil) {
  case x <=. 0.0 {
    True -> Error(Nil)
    False -> Ok(log(x))
  }
}

@external(erlang, "math", "exp")
pub fn exponential(x: Float) -> Float

/// A random float from 0.0 up to, not including, 1.0.
@external(erlang, "rand", "uniform")
pub fn random() -> Float

@external(erlang, "math", "pow")
fn pow(base: Float, exponent: Float) -> Float

@external(erlang, "math", "log")
fn log(x: Float) -> Float

@external(erlang, "erlang", "float")
fn int_to_float(x: Int) -> Float
