// An import of a library module that does not exist: the nearest one is
// suggested, as Gleam suggests names.
import gleam/lists

pub fn main() {
  lists.map([1], fn(x) { x })
}
