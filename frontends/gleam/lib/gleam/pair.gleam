pub fn first(pair: #(a, b)) -> a {
  let #(a, _) = pair
  a
}

pub fn second(pair: #(a, b)) -> b {
  let #(_, a) = pair
  a
}

pub fn swap(pair: #(a, b)) -> #(b, a) {
  let #(a, b) = pair
  #(b, a)
}

pub fn map_first(of pair: #(a, b), with fun: fn(a) -> c) -> #(c, b) {
  let #(a, b) = pair
  #(fun(a), b)
}

pub fn map_second(of pair: #(a, b), with fun: fn(b) -> c) -> #(a, c) {
  let #(a, b) = pair
  #(a, fun(b))
}

pub fn new(first: a, second: b) -> #(a, b) {
  #(first, second)
}
