//// Assertions for tests: each returns when it holds and panics otherwise,
//// showing the value(s). Each `panic` sits on the line of the one in
//// gleeunit's own module, so failure reports name the same lines.

import gleam/option.{type Option, None, Some}
import gleam/string

pub fn equal(a: t, b: t) -> Nil {
  case a == b {
    False -> panic as two_values(a, "should equal", b)
    True -> Nil
  }
}

fn two_values(a: t, text: String, b: t) -> String {
  "\n" <> string.inspect(a) <> "\n" <> text <> "\n" <> string.inspect(b)
}

/// `equal`'s opposite: returns `Nil` when the values differ and panics
/// when they are equal.
pub fn not_equal(a: t, b: t) -> Nil {
  case a != b {
    False -> panic as two_values(a, "should not equal", b)
    True -> Nil
  }
}

fn one_value(a: t, text: String) -> String {
  "\n" <> string.inspect(a) <> "\n" <> text
}

/// `be_ok`, `be_error`, `be_some` unwrap the value or panic; `be_none` too.
pub fn be_ok(a: Result(a, e)) -> a {
  case a {
    Error(_) -> panic as one_value(a, "should be ok")
    Ok(value) -> value
  }
}

pub fn be_error(a: Result(a, e)) -> e {
  case a {
    Ok(_) -> panic as one_value(a, "should be error")
    Error(error) -> error
  }
}

pub fn be_some(a: Option(a)) -> a {
  case a {
    None -> panic as one_value(a, "should be some")
    Some(value) -> value
  }
}

pub fn be_none(a: Option(a)) -> Nil {
  case a {
    Some(_) -> panic as one_value(a, "should be none")
    None -> Nil
  }
}

/// `be_true`, `be_false` and `fail` fail through `equal`, as gleeunit's do:
/// `fail()` reports `False` should equal `True`.
pub fn be_true(actual: Bool) -> Nil {
  equal(actual, True)
}

pub fn be_false(actual: Bool) -> Nil {
  equal(actual, False)
}

pub fn fail() -> Nil {
  be_true(False)
}
