// Warnings only: `eubeam check` exits 0 and `eubeam run` runs.
import gleam/io

pub fn main() {
  let unused = 1
  io.println("ran")
}
