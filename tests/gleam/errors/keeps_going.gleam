// Several errors in one file are all reported, with warnings.
import gleam/list

pub fn main() {
  let unused = 1
  let a: Int = "x"
  let b = 1 +. 2.0
  [a, b]
}
