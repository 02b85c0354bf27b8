// A function call in a clause guard is Gleam's syntax error "Unsupported
// expression: Functions cannot be called in clause guards."
import gleam/int

pub fn main() {
  case 3 {
    n if n > int.max(1, 2) -> n
    n -> n
  }
}
