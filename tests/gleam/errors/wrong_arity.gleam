// A function called with the wrong number of arguments.
fn add(a: Int, b: Int) -> Int {
  a + b
}

pub fn main() {
  add(1, 2, 3)
}
