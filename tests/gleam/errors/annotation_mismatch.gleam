// A return annotation that does not match the body.
fn name() -> Int {
  "Joe"
}

pub fn main() {
  name()
}
