pub type Option(a) {
  Some(a)
  None
}

pub fn is_some(option: Option(a)) -> Bool {
  option != None
}

pub fn is_none(option: Option(a)) -> Bool {
  option == None
}

pub fn to_result(option: Option(a), e: e) -> Result(a, e) {
  case option {
    Some(a) -> Ok(a)
    None -> Error(e)
  }
}

pub fn from_result(result: Result(a, e)) -> Option(a) {
  case result {
    Ok(a) -> Some(a)
    Error(_) -> None
  }
}

pub fn unwrap(option: Option(a), or default: a) -> a {
  case option {
    Some(x) -> x
    None -> default
  }
}

pub fn lazy_unwrap(option: Option(a), or default: fn() -> a) -> a {
  case option {
    Some(x) -> x
    None -> default()
  }
}

pub fn map(over option: Option(a), with fun: fn(a) -> b) -> Option(b) {
  case option {
    Some(x) -> Some(fun(x))
    None -> None
  }
}

pub fn flatten(option: Option(Option(a))) -> Option(a) {
  case option {
    Some(x) -> x
    None -> None
  }
}

pub fn then(option: Option(a), apply fun: fn(a) -> Option(b)) -> Option(b) {
  case option {
    Some(x) -> fun(x)
    None -> None
  }
}

pub fn or(first: Option(a), second: Option(a)) -> Option(a) {
  case first {
    Some(_) -> first
    None -> second
  }
}

pub fn values(options: List(Option(a))) -> List(a) {
  case options {
    [] -> []
    [Some(x), ..rest] -> [x, ..values(rest)]
    [None, ..rest] -> values(rest)
  }
}

/// `Some` of every value when all are `Some`, else `None`.
pub fn all(list: List(Option(a))) -> Option(List(a)) {
  all_loop(list, [])
}

fn all_loop(list: List(Option(a)), acc: List(a)) -> Option(List(a)) {
  case list {
    [] -> Some(reverse(acc, []))
    [None, ..] -> None
    [Some(x), ..rest] -> all_loop(rest, [x, ..acc])
  }
}

fn reverse(list: List(a), acc: List(a)) -> List(a) {
  case list {
    [] -> acc
    [x, ..rest] -> reverse(rest, [x, ..acc])
  }
}

/// `first` if it is `Some`, else what `second()` returns.
pub fn lazy_or(first: Option(a), second: fn() -> Option(a)) -> Option(a) {
  case first {
    Some(_) -> first
    None -> second()
  }
}
