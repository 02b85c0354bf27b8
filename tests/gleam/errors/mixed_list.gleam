// A list with elements of two types.
pub fn main() {
  [1, 2, "three"]
}
