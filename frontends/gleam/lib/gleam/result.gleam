pub fn is_ok(result: Result(a, e)) -> Bool {
  case result {
    Error(_) -> False
    Ok(_) -> True
  }
}

pub fn is_error(result: Result(a, e)) -> Bool {
  case result {
    Ok(_) -> False
    Error(_) -> True
  }
}

pub fn map(over result: Result(a, e), with fun: fn(a) -> b) -> Result(b, e) {
  case result {
    Ok(x) -> Ok(fun(x))
    Error(e) -> Error(e)
  }
}

pub fn map_error(over result: Result(a, e), with fun: fn(e) -> f) -> Result(a, f) {
  case result {
    Ok(x) -> Ok(x)
    Error(error) -> Error(fun(error))
  }
}

pub fn flatten(result: Result(Result(a, e), e)) -> Result(a, e) {
  case result {
    Ok(x) -> x
    Error(error) -> Error(error)
  }
}

pub fn try(result: Result(a, e), apply fun: fn(a) -> Result(b, e)) -> Result(b, e) {
  case result {
    Ok(x) -> fun(x)
    Error(e) -> Error(e)
  }
}

pub fn then(result: Result(a, e), apply fun: fn(a) -> Result(b, e)) -> Result(b, e) {
  try(result, fun)
}

pub fn unwrap(result: Result(a, e), or default: a) -> a {
  case result {
    Ok(v) -> v
    Error(_) -> default
  }
}

pub fn lazy_unwrap(result: Result(a, e), or default: fn() -> a) -> a {
  case result {
    Ok(v) -> v
    Error(_) -> default()
  }
}

pub fn unwrap_error(result: Result(a, e), or default: e) -> e {
  case result {
    Ok(_) -> default
    Error(e) -> e
  }
}

pub fn or(first: Result(a, e), second: Result(a, e)) -> Result(a, e) {
  case first {
    Ok(_) -> first
    Error(_) -> second
  }
}

pub fn lazy_or(first: Result(a, e), second: fn() -> Result(a, e)) -> Result(a, e) {
  case first {
    Ok(_) -> first
    Error(_) -> second()
  }
}

pub fn all(results: List(Result(a, e))) -> Result(List(a), e) {
  all_loop(results, [])
}

fn all_loop(results: List(Result(a, e)), acc: List(a)) -> Result(List(a), e) {
  case results {
    [] -> Ok(reverse(acc, []))
    [Ok(x), ..rest] -> all_loop(rest, [x, ..acc])
    [Error(e), ..] -> Error(e)
  }
}

fn reverse(list: List(a), acc: List(a)) -> List(a) {
  case list {
    [] -> acc
    [x, ..rest] -> reverse(rest, [x, ..acc])
  }
}

pub fn replace(result: Result(a, e), value: b) -> Result(b, e) {
  case result {
    Ok(_) -> Ok(value)
    Error(error) -> Error(error)
  }
}

pub fn replace_error(result: Result(a, e), error: f) -> Result(a, f) {
  case result {
    Ok(x) -> Ok(x)
    Error(_) -> Error(error)
  }
}

pub fn values(results: List(Result(a, e))) -> List(a) {
  values_loop(results, [])
}

fn values_loop(results: List(Result(a, e)), acc: List(a)) -> List(a) {
  case results {
    [] -> reverse(acc, [])
    [Ok(x), ..rest] -> values_loop(rest, [x, ..acc])
    [Error(_), ..rest] -> values_loop(rest, acc)
  }
}

pub fn unwrap_both(result: Result(a, a)) -> a {
  case result {
    Ok(a) -> a
    Error(a) -> a
  }
}

pub fn try_recover(
  result: Result(a, e),
  with fun: fn(e) -> Result(a, f),
) -> Result(a, f) {
  case result {
    Ok(value) -> Ok(value)
    Error(error) -> fun(error)
  }
}

pub fn partition(results: List(Result(a, e))) -> #(List(a), List(e)) {
  partition_loop(results, [], [])
}

fn partition_loop(
  results: List(Result(a, e)),
  oks: List(a),
  errors: List(e),
) -> #(List(a), List(e)) {
  case results {
    [] -> #(oks, errors)
    [Ok(a), ..rest] -> partition_loop(rest, [a, ..oks], errors)
    [Error(e), ..rest] -> partition_loop(rest, oks, [e, ..errors])
  }
}
