import gleam/float
import gleam/order.{type Order}

@external(erlang, "gleam_stdlib", "int_to_string")
pub fn to_string(x: Int) -> String

@external(erlang, "gleam_stdlib", "parse_int")
pub fn parse(string: String) -> Result(Int, Nil)

@external(erlang, "gleam_stdlib", "int_to_float")
pub fn to_float(x: Int) -> Float

@external(erlang, "erlang", "abs")
pub fn absolute_value(x: Int) -> Int

pub fn compare(a: Int, with b: Int) -> Order {
  case a == b {
    True -> order.Eq
    False ->
      case a < b {
        True -> order.Lt
        False -> order.Gt
      }
  }
}

pub fn min(a: Int, b: Int) -> Int {
  case a < b {
    True -> a
    False -> b
  }
}

pub fn max(a: Int, b: Int) -> Int {
  case a > b {
    True -> a
    False -> b
  }
}

pub fn clamp(x: Int, min min_bound: Int, max max_bound: Int) -> Int {
  // With the bounds the wrong way round, `x` between them stays as it is.
  case min_bound >= max_bound {
    True -> max(min(x, min_bound), max_bound)
    False -> max(min(x, max_bound), min_bound)
  }
}

pub fn is_even(x: Int) -> Bool {
  x % 2 == 0
}

pub fn is_odd(x: Int) -> Bool {
  x % 2 != 0
}

pub fn negate(x: Int) -> Int {
  -1 * x
}

pub fn sum(numbers: List(Int)) -> Int {
  sum_loop(numbers, 0)
}

fn sum_loop(numbers: List(Int), acc: Int) -> Int {
  case numbers {
    [] -> acc
    [x, ..rest] -> sum_loop(rest, x + acc)
  }
}

pub fn product(numbers: List(Int)) -> Int {
  product_loop(numbers, 1)
}

fn product_loop(numbers: List(Int), acc: Int) -> Int {
  case numbers {
    [] -> acc
    [x, ..rest] -> product_loop(rest, x * acc)
  }
}

pub fn add(a: Int, b: Int) -> Int {
  a + b
}

pub fn multiply(a: Int, b: Int) -> Int {
  a * b
}

pub fn subtract(a: Int, b: Int) -> Int {
  a - b
}

pub fn remainder(dividend: Int, by divisor: Int) -> Result(Int, Nil) {
  case divisor {
    0 -> Error(Nil)
    d -> Ok(dividend % d)
  }
}

pub fn modulo(dividend: Int, by divisor: Int) -> Result(Int, Nil) {
  case divisor {
    0 -> Error(Nil)
    _ -> {
      let remainder = dividend % divisor
      case remainder * divisor < 0 {
        True -> Ok(remainder + divisor)
        False -> Ok(remainder)
      }
    }
  }
}

pub fn divide(dividend: Int, by divisor: Int) -> Result(Int, Nil) {
  case divisor {
    0 -> Error(Nil)
    d -> Ok(dividend / d)
  }
}

/// As `float.power` on the base as a float.
pub fn power(base: Int, of exponent: Float) -> Result(Float, Nil) {
  float.power(to_float(base), exponent)
}

pub fn square_root(x: Int) -> Result(Float, Nil) {
  case x < 0 {
    True -> Error(Nil)
    False -> Ok(sqrt(to_float(x)))
  }
}

@external(erlang, "math", "sqrt")
fn sqrt(x: Float) -> Float

pub fn digits(x: Int, base: Int) -> Result(List(Int), Nil) {
  case base < 2 {
    True -> Error(Nil)
    False -> Ok(digits_loop(absolute_value(x), base, []))
  }
}

fn digits_loop(x: Int, base: Int, acc: List(Int)) -> List(Int) {
  case x < base {
    True -> [x, ..acc]
    False -> digits_loop(x / base, base, [x % base, ..acc])
  }
}

/// Digits in bases 2 to 36, upper case letters, a leading `-` for negative
/// numbers.
pub fn to_base_string(x: Int, base: Int) -> Result(String, Nil) {
  case base >= 2 && base <= 36 {
    True -> Ok(integer_to_base(x, base))
    False -> Error(Nil)
  }
}

pub fn to_base2(x: Int) -> String {
  integer_to_base(x, 2)
}

pub fn to_base8(x: Int) -> String {
  integer_to_base(x, 8)
}

pub fn to_base16(x: Int) -> String {
  integer_to_base(x, 16)
}

pub fn to_base36(x: Int) -> String {
  integer_to_base(x, 36)
}

@external(erlang, "erlang", "integer_to_binary")
fn integer_to_base(x: Int, base: Int) -> String

pub fn base_parse(string: String, base: Int) -> Result(Int, Nil) {
  case base >= 2 && base <= 36 {
    True -> parse_base(string, base)
    False -> Error(Nil)
  }
}

@external(erlang, "gleam_stdlib", "int_from_base_string")
fn parse_base(string: String, base: Int) -> Result(Int, Nil)

/// Folds over the integers from `start` towards `stop`, `stop` excluded,
/// counting down when `start > stop`.
pub fn range(
  from start: Int,
  to stop: Int,
  with acc: acc,
  run reducer: fn(acc, Int) -> acc,
) -> acc {
  let step = case start < stop {
    True -> 1
    False -> -1
  }
  range_from(start, stop, step, acc, reducer)
}

fn range_from(
  current: Int,
  stop: Int,
  step: Int,
  acc: acc,
  reducer: fn(acc, Int) -> acc,
) -> acc {
  case current == stop {
    True -> acc
    False -> range_from(current + step, stop, step, reducer(acc, current), reducer)
  }
}

/// A random integer from 0 up to, not including, `max` (down to, for a
/// negative `max`).
pub fn random(max: Int) -> Int {
  float.round(float.floor(float.random() *. to_float(max)))
}

/// Division rounding towards negative infinity; `Error(Nil)` for 0.
pub fn floor_divide(dividend: Int, by divisor: Int) -> Result(Int, Nil) {
  case divisor {
    0 -> Error(Nil)
    _ ->
      case dividend * divisor < 0 && dividend % divisor != 0 {
        True -> Ok(dividend / divisor - 1)
        False -> Ok(dividend / divisor)
      }
  }
}

@external(erlang, "erlang", "band")
pub fn bitwise_and(x: Int, y: Int) -> Int

@external(erlang, "erlang", "bnot")
pub fn bitwise_not(x: Int) -> Int

@external(erlang, "erlang", "bor")
pub fn bitwise_or(x: Int, y: Int) -> Int

@external(erlang, "erlang", "bxor")
pub fn bitwise_exclusive_or(x: Int, y: Int) -> Int

@external(erlang, "erlang", "bsl")
pub fn bitwise_shift_left(x: Int, y: Int) -> Int

@external(erlang, "erlang", "bsr")
pub fn bitwise_shift_right(x: Int, y: Int) -> Int
