// An annotated `let` whose value has another type, and a function whose
// parameter annotation disagrees with how it is called: each is reported
// at the value.
import gleam/list

fn total(xs: List(Int)) -> Int {
  list.fold(xs, 0, fn(a, b) { a + b })
}

pub fn main() {
  let name: String = 42
  let sum: Int = total([1.5, 2.5])
  #(name, sum)
}
