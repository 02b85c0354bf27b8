pub fn and(a: Bool, b: Bool) -> Bool {
  a && b
}

pub fn or(a: Bool, b: Bool) -> Bool {
  a || b
}

pub fn negate(bool: Bool) -> Bool {
  !bool
}

pub fn to_string(bool: Bool) -> String {
  case bool {
    False -> "False"
    True -> "True"
  }
}

pub fn guard(when requirement: Bool, return consequence: a, otherwise alternative: fn() -> a) -> a {
  case requirement {
    True -> consequence
    False -> alternative()
  }
}

pub fn lazy_guard(when requirement: Bool, return consequence: fn() -> a, otherwise alternative: fn() -> a) -> a {
  case requirement {
    True -> consequence()
    False -> alternative()
  }
}

pub fn nor(a: Bool, b: Bool) -> Bool {
  !{ a || b }
}

pub fn nand(a: Bool, b: Bool) -> Bool {
  !{ a && b }
}

pub fn exclusive_or(a: Bool, b: Bool) -> Bool {
  a != b
}

pub fn exclusive_nor(a: Bool, b: Bool) -> Bool {
  a == b
}
