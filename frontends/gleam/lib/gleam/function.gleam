pub fn identity(x: a) -> a {
  x
}

pub fn tap(arg: a, effect: fn(a) -> b) -> a {
  effect(arg)
  arg
}

pub fn flip(fun: fn(a, b) -> c) -> fn(b, a) -> c {
  fn(b, a) { fun(a, b) }
}

pub fn constant(value: a) -> fn(b) -> a {
  fn(_) { value }
}
